/**
 * "Explore related": the notes most related to one note, ranked by shared episode codes, direct links, shared tags,
 * shared link targets and shared title words, each weighted by how rare it is, with the reasons spelled out.
 * The index keeps inverted lists (feature → notes), so a query costs the size of the note's own lists, not the vault.
 */
import type { NoteInfo } from "../vault/noteInfo";
import { plural } from "../markdown/counts";
import { compareTitles } from "./cardOrder";
import { tagKey } from "./hubTag";
import { episodeCodeOfNote, noteType } from "./noteKinds";
import { frontmatterDescription, noteTitle } from "./noteText";
import { titleWords } from "./titleWords";

/** Why two notes are related. */
export interface RelatedReason {
	kind: "episodes" | "linked" | "tags" | "links" | "words";
	/** What they share: episode codes, tags (with `#`), note titles or words; for `linked`, the direction. */
	items: string[];
	/** The reason in words ("3 shared episodes: E026, E011, E009"). */
	text: string;
}

/** One related note. */
export interface RelatedNote {
	path: string;
	title: string;
	score: number;
	reasons: RelatedReason[];
}

const WEIGHT = { episode: 3, direct: 3, tag: 2, link: 1.5, word: 0.75 } as const;
/** Index and report notes list everything; they are navigation, never "related". */
const NAVIGATION_TYPES = new Set(["index", "report"]);
/** Notes linking to more than this many times the notes the query links (and more than 8) are damped: lists, MOCs. */
const BREADTH_FREE = 8;
/** Items named in a reason before "and N more". */
const NAMED_ITEMS = 3;
/** Tags and words on more than this share of the notes (and more than 50) say too little to be worth a lookup. */
const COMMON_SHARE = 0.25;
/**
 * Words are cheaper to share: one on more than this share of the notes (and more than 50) is left out. Such a word
 * adds little to any score (its rarity is low) yet makes hundreds of notes candidates, which is most of a query's cost.
 */
const COMMON_WORD_SHARE = 0.05;

interface Entry {
	id: number;
	note: NoteInfo;
	targets: string[];
	tags: string[];
	words: string[];
	/** The same as sets, to name what two notes share once they are known to be among the most related. */
	targetSet: Set<string>;
	wordSet: Set<string>;
	/** An index or report note: navigation, never offered as related. */
	navigation: boolean;
}

/** What two notes share, by kind, for the reasons. */
interface Shared {
	episodes: string[];
	links: string[];
	tags: string[];
	words: string[];
	linksTo: boolean;
	linkedFrom: boolean;
}

function ancestorsAndSelf(tag: string): string[] {
	const parts = tag.split("/");
	return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

function add(map: Map<string, Set<number>>, key: string, id: number): void {
	let set = map.get(key);
	if (set === undefined) {
		set = new Set();
		map.set(key, set);
	}
	set.add(id);
}

function drop(map: Map<string, Set<number>>, key: string, id: number): void {
	const set = map.get(key);
	if (set === undefined) return;
	set.delete(id);
	if (set.size === 0) map.delete(key);
}

function listed(items: string[]): string {
	const shown = items.slice(0, NAMED_ITEMS).join(", ");
	return items.length > NAMED_ITEMS ? `${shown} and ${items.length - NAMED_ITEMS} more` : shown;
}

/** An updatable index of the vault's notes for related-note queries. */
export class RelatedIndex {
	private readonly entries = new Map<string, Entry>();
	/** Notes are numbered, so a query tallies scores in typed arrays rather than in a map keyed by path. */
	private readonly ids = new Map<string, number>();
	private readonly byId: (Entry | undefined)[] = [];
	private readonly freeIds: number[] = [];
	private readonly byTarget = new Map<string, Set<number>>();
	private readonly byTag = new Map<string, Set<number>>();
	private readonly byWord = new Map<string, Set<number>>();

	constructor(notes: Iterable<NoteInfo> = []) {
		for (const note of notes) this.set(note);
	}

	/** Number of notes indexed. */
	get size(): number {
		return this.entries.size;
	}

	/** Adds or replaces a note. */
	set(note: NoteInfo): void {
		this.remove(note.path);
		const targets = [...new Set(note.links)].filter((t) => t !== note.path);
		const tags = [...new Set(note.tags.map(tagKey).filter((t) => t !== "" && !t.startsWith("atlas/")).flatMap(ancestorsAndSelf))];
		const words = titleWords(`${noteTitle(note)} ${frontmatterDescription(note)}`);
		const id = this.freeIds.pop() ?? this.byId.length;
		const entry: Entry = { id, note, targets, tags, words, targetSet: new Set(targets), wordSet: new Set(words), navigation: NAVIGATION_TYPES.has(noteType(note)) };
		this.entries.set(note.path, entry);
		this.ids.set(note.path, id);
		this.byId[id] = entry;
		for (const t of targets) add(this.byTarget, t, id);
		for (const t of tags) add(this.byTag, t, id);
		for (const w of words) add(this.byWord, w, id);
	}

	/** Removes a note (e.g. deleted, or before re-adding it under a new path). */
	remove(path: string): void {
		const entry = this.entries.get(path);
		if (entry === undefined) return;
		this.entries.delete(path);
		this.ids.delete(path);
		this.byId[entry.id] = undefined;
		this.freeIds.push(entry.id);
		for (const t of entry.targets) drop(this.byTarget, t, entry.id);
		for (const t of entry.tags) drop(this.byTag, t, entry.id);
		for (const w of entry.words) drop(this.byWord, w, entry.id);
	}

	/** The note at `path`, if indexed. */
	note(path: string): NoteInfo | undefined {
		return this.entries.get(path)?.note;
	}

	/** The `limit` notes most related to `path`, best first; empty when the note is unknown or shares nothing. */
	related(path: string, limit = 20): RelatedNote[] {
		const self = this.entries.get(path);
		if (self === undefined || limit <= 0) return [];
		const n = this.entries.size;
		const norm = Math.log(1 + n);
		const rarity = (df: number): number => Math.log(1 + n / Math.max(1, df)) / norm;
		// Scoring touches every note sharing anything, often thousands: it adds into typed arrays and names nothing.
		// What two notes share is spelled out afterwards, for the `limit` notes that are shown.
		const size = this.byId.length;
		const scores = new Float64Array(size);
		const seen = new Uint8Array(size);
		const touched: number[] = [];
		const touch = (id: number, bit: number): void => {
			if (seen[id] === 0) touched.push(id);
			seen[id] = (seen[id] as number) | bit;
		};
		const LINKS_TO = 2;
		const LINKED_FROM = 4;
		const SHARES = 1;
		const sharedTags = new Map<number, string[]>();

		for (const target of self.targets) {
			const linkedId = this.ids.get(target);
			if (linkedId !== undefined) touch(linkedId, LINKS_TO);
			const sharers = this.byTarget.get(target);
			if (sharers === undefined || sharers.size < 2) continue;
			const linked = linkedId === undefined ? undefined : this.byId[linkedId]?.note;
			const code = linked === undefined ? null : episodeCodeOfNote(linked);
			const weight = (code === null ? WEIGHT.link : WEIGHT.episode) * rarity(sharers.size);
			for (const other of sharers) {
				if (other === self.id) continue;
				touch(other, SHARES);
				scores[other] = (scores[other] as number) + weight;
			}
		}
		for (const other of this.byTarget.get(path) ?? []) touch(other, LINKED_FROM);
		const commonTag = Math.max(50, n * COMMON_SHARE);
		for (const tag of self.tags) {
			const sharers = this.byTag.get(tag);
			// A tag on a quarter of the vault (`cluster`, `hub`) relates nothing and would make every note a candidate.
			if (sharers === undefined || sharers.size < 2 || sharers.size > commonTag) continue;
			for (const other of sharers) {
				if (other === self.id) continue;
				touch(other, SHARES);
				const list = sharedTags.get(other);
				if (list === undefined) sharedTags.set(other, [tag]);
				else list.push(tag);
			}
		}
		const commonWord = Math.max(50, n * COMMON_WORD_SHARE);
		for (const word of self.words) {
			const sharers = this.byWord.get(word);
			if (sharers === undefined || sharers.size < 2 || sharers.size > commonWord) continue;
			const weight = WEIGHT.word * rarity(sharers.size);
			for (const other of sharers) {
				if (other === self.id) continue;
				touch(other, SHARES);
				scores[other] = (scores[other] as number) + weight;
			}
		}

		const scored: { entry: Entry; score: number; tags: string[]; title: string | null }[] = [];
		for (const id of touched) {
			const entry = this.byId[id];
			if (entry === undefined || entry.navigation || id === self.id) continue;
			const shared = sharedTags.get(id);
			// A shared `a/b` already says they share `a`: count and name only the deepest shared tags.
			const tags = shared === undefined ? [] : shared.length === 1 ? shared : shared.filter((tag) => !shared.some((deeper) => deeper.startsWith(`${tag}/`)));
			let score = scores[id] as number;
			for (const tag of tags) score += WEIGHT.tag * rarity(this.byTag.get(tag)?.size ?? 1);
			if (((seen[id] as number) & (LINKS_TO | LINKED_FROM)) !== 0) score += WEIGHT.direct;
			// A note that links to everything shares something with everyone: scale its score down with its breadth.
			score /= Math.sqrt(Math.max(1, entry.targets.length / Math.max(BREADTH_FREE, self.targets.length)));
			if (score <= 0) continue;
			scored.push({ entry, score, tags, title: null });
		}
		const titleOf = (s: (typeof scored)[number]): string => (s.title ??= noteTitle(s.entry.note));
		// Order by score alone (cheap), keep the first `limit` and whatever ties with the last of them, then break ties.
		scored.sort((a, b) => b.score - a.score);
		const cut = scored[Math.min(limit, scored.length) - 1]?.score ?? 0;
		let end = Math.min(limit, scored.length);
		while (end < scored.length && (scored[end] as (typeof scored)[number]).score >= cut) end++;
		const top = scored.slice(0, end).sort((a, b) => b.score - a.score || compareTitles(titleOf(a), titleOf(b)) || (a.entry.note.path < b.entry.note.path ? -1 : 1));
		return top.slice(0, limit).map((s) => {
			const bits = seen[s.entry.id] as number;
			const shared = this.shared(self, s.entry, s.tags, (bits & LINKS_TO) !== 0, (bits & LINKED_FROM) !== 0);
			return { path: s.entry.note.path, title: titleOf(s), score: s.score, reasons: reasonsOf(shared) };
		});
	}

	/** What `self` shares with `other`, each list in the order `self` has it (its links in the order it cites them). */
	private shared(self: Entry, other: Entry, tags: string[], linksTo: boolean, linkedFrom: boolean): Shared {
		const episodes: string[] = [];
		const links: string[] = [];
		for (const target of self.targets) {
			if (!other.targetSet.has(target)) continue;
			const linked = this.entries.get(target)?.note;
			const code = linked === undefined ? null : episodeCodeOfNote(linked);
			if (code !== null) episodes.push(code);
			else links.push(linked === undefined ? target.replace(/\.md$/, "") : noteTitle(linked));
		}
		const commonWord = Math.max(50, this.entries.size * COMMON_WORD_SHARE);
		const words = self.words.filter((word) => other.wordSet.has(word) && (this.byWord.get(word)?.size ?? 0) <= commonWord);
		return { episodes, links, tags, words, linksTo, linkedFrom };
	}
}

function reasonsOf(t: Shared): RelatedReason[] {
	const tags = t.tags;
	const reasons: RelatedReason[] = [];
	if (t.episodes.length > 0) reasons.push({ kind: "episodes", items: t.episodes, text: `${plural(t.episodes.length, "shared episode")}: ${listed(t.episodes)}` });
	if (t.linksTo || t.linkedFrom) {
		const direction = t.linksTo && t.linkedFrom ? "both" : t.linksTo ? "to" : "from";
		const text = direction === "both" ? "Linked both ways" : direction === "to" ? "Linked from this note" : "Links to this note";
		reasons.push({ kind: "linked", items: [direction], text });
	}
	if (tags.length > 0) {
		const shown = tags.map((tag) => `#${tag}`);
		reasons.push({ kind: "tags", items: shown, text: `${plural(tags.length, "shared tag")}: ${listed(shown)}` });
	}
	if (t.links.length > 0) reasons.push({ kind: "links", items: t.links, text: `${plural(t.links.length, "shared link")}: ${listed(t.links)}` });
	if (t.words.length > 0) reasons.push({ kind: "words", items: t.words, text: `${plural(t.words.length, "shared word")}: ${listed(t.words)}` });
	return reasons;
}

/** One-off ranking over a list of notes (builds an index; keep a `RelatedIndex` to ask repeatedly). */
export function relatedNotes(notes: Iterable<NoteInfo>, path: string, limit = 20): RelatedNote[] {
	return new RelatedIndex(notes).related(path, limit);
}
