/**
 * Names for automatic sections: each group is named by the terms that mark it out, the way a researcher would label
 * a pile of papers: a sub-topic or section note most of the group links to or is tagged with, a two-word phrase from
 * their titles ("majority voting", "reward hacking"), a title word, an episode code. A term names a group only when
 * most of its notes are in that group, and only the one group where it is most distinctive, so no two headings
 * repeat a term. Everything is ordered totally, so the same groups always get the same names.
 */
import type { NoteInfo } from "../vault/noteInfo";
import { compareTitles } from "./cardOrder";
import { headingFromSlug } from "./headingFromSlug";
import { isTagUnder } from "./hubTag";
import { episodeCodeOfNote } from "./noteKinds";
import { noteFeatures, type NoteFeatures } from "./noteFeatures";
import { noteTitle } from "./noteText";
import { titlePhrases, titleTermKeys, titleTokens } from "./titleWords";

/** How much each kind of term is worth as a name: a note's title reads best, an episode code says least. */
const NAME_WEIGHT = { link: 2, tag: 2, phrase: 1.5, word: 1, episode: 0.6 } as const;
/** A heading names at most this many terms, and stops adding once it is this long. */
const NAME_TERMS = 3;
const NAME_LENGTH = 32;
/** A name term is on at least this share of the group's notes (and on two of them, in a group of two or more). */
const MIN_SHARE = 0.25;
/** And at least this share of the notes carrying it are in the group: it marks the group, not the whole hub. */
const MIN_PRECISION = 0.5;
/** A second or third term joins a heading only when it is worth at least this share of the first. */
const MIN_RELATIVE = 0.5;

type NameKind = keyof typeof NAME_WEIGHT;

interface Term {
	key: string;
	kind: NameKind;
	label: string;
	/** Notes of the hub carrying it. */
	df: number;
}

interface Candidate {
	term: Term;
	count: number;
	score: number;
}

/** What naming needs to know beyond the groups. */
export interface GroupNaming {
	/** The hub's tag: tags under it name nothing (every note has one). */
	hubTag: string;
	byPath: ReadonlyMap<string, NoteInfo>;
	/** Section and sub-topic note titles by the tag that defines them. */
	tagTitles: ReadonlyMap<string, string>;
	/** Every note of the vault: a word common in all its titles ("model", "learning") names little. */
	vault: readonly NoteInfo[];
	/** Features already read for grouping, by path (read again where missing). */
	features?: ReadonlyMap<string, NoteFeatures>;
}

/** The name terms of one note, each once. */
function termsOf(note: NoteInfo, naming: GroupNaming, terms: Map<string, Term>): Set<string> {
	const keys = new Set<string>();
	const add = (key: string, kind: NameKind, label: () => string): void => {
		if (keys.has(key)) return;
		keys.add(key);
		const known = terms.get(key);
		if (known === undefined) terms.set(key, { key, kind, label: label(), df: 1 });
		else known.df++;
	};
	const f = naming.features?.get(note.path) ?? noteFeatures(note, naming.byPath);
	for (const path of f.episodes) {
		const linked = naming.byPath.get(path);
		const code = linked === undefined ? null : episodeCodeOfNote(linked);
		if (code !== null) add(`e\u0000${path}`, "episode", () => code);
	}
	for (const path of f.links) {
		const linked = naming.byPath.get(path);
		if (linked !== undefined) add(`l\u0000${path}`, "link", () => noteTitle(linked));
	}
	for (const tag of f.tags) {
		if (isTagUnder(tag, naming.hubTag)) continue;
		add(`t\u0000${tag}`, "tag", () => naming.tagTitles.get(tag) ?? headingFromSlug(tag.split("/").pop() ?? tag).toLowerCase());
	}
	// Titles say what a note is about; descriptions ("Explores whether…") mostly say how it is written.
	const tokens = titleTokens(noteTitle(note));
	for (const phrase of titlePhrases(tokens)) add(`p\u0000${phrase.key}`, "phrase", () => phrase.surface);
	for (const token of tokens) if (token.key !== null) add(`w\u0000${token.key}`, "word", () => token.surface);
	return keys;
}

function byScore(a: Candidate, b: Candidate): number {
	return b.score - a.score || b.count - a.count || compareTitles(a.term.label, b.term.label) || (a.term.key < b.term.key ? -1 : a.term.key > b.term.key ? 1 : 0);
}

/** Up to three labels from `candidates` (best first), none containing another, within the heading length. */
function pick(candidates: readonly Candidate[], taken: ReadonlySet<string>): string[] {
	const labels: string[] = [];
	let first = 0;
	for (const { term, score } of candidates) {
		if (labels.length > 0 && score < first * MIN_RELATIVE) break;
		const lower = term.label.toLowerCase();
		if (lower === "" || taken.has(lower)) continue;
		// "reward" adds nothing beside "reward models", nor a word beside a title that contains it.
		if (labels.some((l) => l.toLowerCase().includes(lower) || lower.includes(l.toLowerCase()))) continue;
		if (labels.length === 0) first = score;
		labels.push(term.label);
		if (labels.length === NAME_TERMS || labels.join(", ").length >= NAME_LENGTH) break;
	}
	return labels;
}

/**
 * For title words and phrases, how rare they are across the vault's titles, from 0 (in every title) to 1 (in one):
 * "entropy" names a group better than "learning" even when both are on the same notes of the hub.
 */
function wordRarity(terms: ReadonlyMap<string, Term>, vault: readonly NoteInfo[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const term of terms.values()) if (term.kind === "word" || term.kind === "phrase") counts.set(term.key, 0);
	for (const note of vault) {
		for (const key of titleTermKeys(noteTitle(note))) {
			const n = counts.get(key);
			if (n !== undefined) counts.set(key, n + 1);
		}
	}
	const norm = Math.log(Math.max(2, vault.length));
	const out = new Map<string, number>();
	for (const [key, n] of counts) out.set(key, Math.log(Math.max(2, vault.length) / Math.max(1, n)) / norm);
	return out;
}

/** One heading per group (groups in their final order); "Group N" only when a group shares no term at all. */
export function nameGroups(groups: readonly (readonly NoteInfo[])[], naming: GroupNaming): string[] {
	const terms = new Map<string, Term>();
	const noteTerms = new Map<string, Set<string>>();
	const sorted = groups.flatMap((g) => g).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const note of sorted) noteTerms.set(note.path, termsOf(note, naming, terms));

	const rarity = wordRarity(terms, naming.vault);
	const scored = groups.map((group) => {
		const counts = new Map<string, number>();
		for (const note of group) for (const key of noteTerms.get(note.path) ?? []) counts.set(key, (counts.get(key) ?? 0) + 1);
		const size = group.length;
		const all: Candidate[] = [];
		for (const [key, count] of counts) {
			const term = terms.get(key) as Term;
			const share = count / size;
			const precision = count / term.df;
			all.push({ term, count, score: share * precision * NAME_WEIGHT[term.kind] * (rarity.get(key) ?? 1) });
		}
		return all.sort(byScore);
	});
	const single = groups.length === 1;
	const qualifies = (c: Candidate, size: number): boolean => c.count >= Math.min(2, size) && c.count / size >= MIN_SHARE && (single || c.count / c.term.df >= MIN_PRECISION);

	// Each term may name only the group it marks out best; ties go to the earlier (larger) group.
	const owner = new Map<string, { group: number; score: number }>();
	scored.forEach((candidates, g) => {
		const size = groups[g]?.length ?? 0;
		for (const c of candidates) {
			if (!qualifies(c, size)) continue;
			const best = owner.get(c.term.key);
			if (best === undefined || c.score > best.score) owner.set(c.term.key, { group: g, score: c.score });
		}
	});

	const used = new Set<string>();
	return scored.map((candidates, g) => {
		const size = groups[g]?.length ?? 0;
		let labels = pick(candidates.filter((c) => qualifies(c, size) && owner.get(c.term.key)?.group === g), used);
		// Nothing is on a quarter of the group and mostly there: take what is mostly there, then what it shares most.
		if (labels.length === 0) labels = pick(candidates.filter((c) => c.count >= Math.min(2, size) && c.count / c.term.df >= MIN_PRECISION && (owner.get(c.term.key)?.group ?? g) === g), used).slice(0, 2);
		if (labels.length === 0) labels = pick(candidates.filter((c) => c.count >= Math.min(2, size)), used).slice(0, 1);
		for (const label of labels) used.add(label.toLowerCase());
		const text = labels.join(", ");
		return text === "" ? `Group ${g + 1}` : text.charAt(0).toUpperCase() + text.slice(1);
	});
}
