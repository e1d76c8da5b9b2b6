/**
 * Automatic sections for notes that carry no section information: notes are grouped by what they share (episodes,
 * links, tags, words; rarer features weigh more) with a seeded-free, fully deterministic spherical k-means, and each
 * group is named by the features that set it apart most. The same notes always give the same sections.
 */
import type { NoteInfo } from "../vault/noteInfo";
import { noteTitle } from "./noteText";
import { headingFromSlug } from "./headingFromSlug";
import { isTagUnder, tagKey } from "./hubTag";
import { episodeCodeOfNote, noteType } from "./noteKinds";
import { noteFeatures } from "./noteFeatures";
import { restSection, type Grouping, type SectionDraft } from "./sectionDraft";

const WEIGHT = { episode: 3, tag: 2, link: 1.5, word: 1 } as const;
const MAX_SECTIONS = 12;
const MAX_ROUNDS = 25;
/** A heading names at most this many terms, and stops adding once it is this long. */
const NAME_TERMS = 3;
const NAME_LENGTH = 32;

type Kind = keyof typeof WEIGHT;

interface Feature {
	kind: Kind;
	value: string;
	df: number;
}

/** How many sections `n` notes get: about √(n/2), at least 2 from 4 notes on, at most 12. */
export function sectionCount(n: number): number {
	if (n < 4) return 1;
	return Math.min(MAX_SECTIONS, Math.max(2, Math.round(Math.sqrt(n / 2))));
}

/** Groups by similarity and names each group by its most distinctive terms. */
export const autoSections: Grouping = ({ members, spec, source }) => {
	const tagTitles = sectionNoteTitles(source.notes);
	const notes = [...members].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const ids = new Map<string, number>();
	const features: Feature[] = [];
	const rows: number[][] = notes.map((note) => {
		const f = noteFeatures(note, source.byPath);
		const keyed: [Kind, string][] = [
			...f.episodes.map((v): [Kind, string] => ["episode", v]),
			...f.links.map((v): [Kind, string] => ["link", v]),
			// The hub's own tag and its nested tags say nothing about which group a note belongs to.
			...f.tags.filter((t) => !isTagUnder(t, spec.tag)).map((v): [Kind, string] => ["tag", v]),
			...f.words.map((v): [Kind, string] => ["word", v]),
		];
		const row: number[] = [];
		for (const [kind, value] of keyed) {
			const key = `${kind}\u0000${value}`;
			let id = ids.get(key);
			if (id === undefined) {
				id = features.length;
				ids.set(key, id);
				features.push({ kind, value, df: 0 });
			}
			(features[id] as Feature).df++;
			row.push(id);
		}
		return row;
	});
	const n = notes.length;
	// A feature of one note links it to nothing; one of every note separates nothing.
	const useful = (id: number): boolean => {
		const df = features[id]?.df ?? 0;
		return df > 1 && (df < n || n <= 2);
	};
	const weightOf = (id: number): number => {
		const f = features[id] as Feature;
		return WEIGHT[f.kind] * Math.log(1 + n / f.df);
	};
	const vectors = rows.map((row) => {
		const kept = row.filter(useful);
		const weights = kept.map(weightOf);
		const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0));
		return { ids: kept, weights: weights.map((w) => (norm === 0 ? 0 : w / norm)) };
	});
	const placed = notes.map((_, i) => i).filter((i) => (vectors[i]?.ids.length ?? 0) > 0);
	const loose = notes.filter((_, i) => (vectors[i]?.ids.length ?? 0) === 0);
	const k = Math.min(sectionCount(n), placed.length);
	if (k <= 1) return placed.length === 0 ? (loose.length > 0 ? [restSection(loose)] : []) : [named(placed.map((i) => notes[i] as NoteInfo), placed, 0, vectors, features, notes, source.byPath, tagTitles), ...(loose.length > 0 ? [restSection(loose)] : [])];

	const dims = features.length;
	const dot = (i: number, center: Float64Array): number => {
		const v = vectors[i] as { ids: number[]; weights: number[] };
		let s = 0;
		for (let j = 0; j < v.ids.length; j++) s += (v.weights[j] ?? 0) * (center[v.ids[j] as number] ?? 0);
		return s;
	};
	const centerOf = (indices: number[]): Float64Array => {
		const c = new Float64Array(dims);
		for (const i of indices) {
			const v = vectors[i] as { ids: number[]; weights: number[] };
			for (let j = 0; j < v.ids.length; j++) c[v.ids[j] as number] = (c[v.ids[j] as number] ?? 0) + (v.weights[j] ?? 0);
		}
		let norm = 0;
		for (let d = 0; d < dims; d++) norm += (c[d] ?? 0) ** 2;
		norm = Math.sqrt(norm);
		if (norm > 0) for (let d = 0; d < dims; d++) c[d] = (c[d] ?? 0) / norm;
		return c;
	};

	// Farthest-first seeds: start from the note with the most shared features, then repeatedly the note least
	// like any seed so far. Ties go to the earlier path, so the seeds never depend on input order.
	let first = placed[0] as number;
	for (const i of placed) if ((vectors[i]?.ids.length ?? 0) > (vectors[first]?.ids.length ?? 0)) first = i;
	let centers = [centerOf([first])];
	const closest = new Map(placed.map((i) => [i, dot(i, centers[0] as Float64Array)]));
	while (centers.length < k) {
		let pick = -1;
		let low = Infinity;
		for (const i of placed) {
			const s = closest.get(i) ?? 0;
			if (s < low) {
				low = s;
				pick = i;
			}
		}
		const center = centerOf([pick]);
		centers.push(center);
		for (const i of placed) closest.set(i, Math.max(closest.get(i) ?? 0, dot(i, center)));
	}

	let assignment = new Map<number, number>();
	for (let round = 0; round < MAX_ROUNDS; round++) {
		const next = new Map<number, number>();
		for (const i of placed) {
			let best = 0;
			let bestScore = -Infinity;
			centers.forEach((center, c) => {
				const s = dot(i, center);
				if (s > bestScore + 1e-12) {
					bestScore = s;
					best = c;
				}
			});
			next.set(i, best);
		}
		const stable = placed.every((i) => next.get(i) === assignment.get(i));
		assignment = next;
		if (stable) break;
		centers = centers.map((center, c) => {
			const group = placed.filter((i) => assignment.get(i) === c);
			return group.length === 0 ? center : centerOf(group);
		});
	}

	const groups = centers.map((_, c) => placed.filter((i) => assignment.get(i) === c)).filter((g) => g.length > 0);
	groups.sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
	const drafts = groups.map((group, rank) => named(group.map((i) => notes[i] as NoteInfo), group, rank, vectors, features, notes, source.byPath, tagTitles));
	const headings = new Map<string, number>();
	for (const draft of drafts) {
		const seen = (headings.get(draft.heading) ?? 0) + 1;
		headings.set(draft.heading, seen);
		if (seen > 1) draft.heading = `${draft.heading} (${seen})`;
	}
	return loose.length > 0 ? [...drafts, restSection(loose)] : drafts;
};

/** A draft for one group, named by the features most over-represented in it compared with the other notes. */
function named(
	members: NoteInfo[],
	indices: number[],
	rank: number,
	vectors: { ids: number[]; weights: number[] }[],
	features: Feature[],
	notes: NoteInfo[],
	byPath: ReadonlyMap<string, NoteInfo>,
	tagTitles: ReadonlyMap<string, string>,
): SectionDraft {
	const inside = new Map<number, number>();
	for (const i of indices) for (const id of vectors[i]?.ids ?? []) inside.set(id, (inside.get(id) ?? 0) + 1);
	const size = indices.length;
	const others = notes.length - size;
	const scored = [...inside.entries()]
		.map(([id, count]) => {
			const f = features[id] as Feature;
			const share = count / size;
			const outside = others === 0 ? 0 : (f.df - count) / others;
			// Present in most of the group and rare outside it: the share weighs the contrast.
			return { f, score: share * (share - outside) * WEIGHT[f.kind], count };
		})
		.filter((s) => s.score > 0)
		.sort((a, b) => b.score - a.score || b.count - a.count || (labelOf(a.f, byPath, tagTitles) < labelOf(b.f, byPath, tagTitles) ? -1 : 1));
	const labels: string[] = [];
	for (const { f } of scored) {
		const label = labelOf(f, byPath, tagTitles);
		const lower = label.toLowerCase();
		// "learn" adds nothing beside "learning", nor a word beside a title that contains it.
		if (label !== "" && !labels.some((l) => l.toLowerCase().includes(lower) || lower.includes(l.toLowerCase()))) labels.push(label);
		if (labels.length === NAME_TERMS || labels.join(", ").length >= NAME_LENGTH) break;
	}
	const text = labels.join(", ");
	const heading = text === "" ? `Group ${rank + 1}` : text.charAt(0).toUpperCase() + text.slice(1);
	return { key: `auto:${rank}`, heading, link: null, declared: null, rank, members, rest: false };
}

function labelOf(f: Feature, byPath: ReadonlyMap<string, NoteInfo>, tagTitles: ReadonlyMap<string, string>): string {
	if (f.kind === "word") return f.value;
	if (f.kind === "tag") return tagTitles.get(f.value) ?? headingFromSlug(f.value.split("/").pop() ?? f.value).toLowerCase();
	const note = byPath.get(f.value);
	if (note === undefined) return "";
	return f.kind === "episode" ? (episodeCodeOfNote(note) ?? note.basename) : noteTitle(note);
}

/** Titles of section and sub-topic notes by the tag that defines them, to name a group by a tag readably. */
function sectionNoteTitles(notes: readonly NoteInfo[]): Map<string, string> {
	const out = new Map<string, string>();
	for (const note of notes) {
		const type = noteType(note);
		if (type !== "section" && type !== "subtopic") continue;
		for (const tag of note.tags) if (!tag.startsWith("atlas/") && !out.has(tagKey(tag))) out.set(tagKey(tag), noteTitle(note));
	}
	return out;
}
