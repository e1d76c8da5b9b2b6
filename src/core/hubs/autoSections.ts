/**
 * Automatic sections for notes that carry no section information: notes are grouped by what they share (episodes,
 * links, tags, words; rarer features weigh more) with a seeded-free, fully deterministic spherical k-means, and each
 * group is named by the terms that set it apart most (`groupNames.ts`). The same notes always give the same sections.
 */
import type { NoteInfo } from "../vault/noteInfo";
import { nameGroups } from "./groupNames";
import { isTagUnder, tagKey } from "./hubTag";
import { noteType } from "./noteKinds";
import { noteFeatures, type NoteFeatures } from "./noteFeatures";
import { noteTitle } from "./noteText";
import { restSection, type Grouping, type SectionDraft } from "./sectionDraft";

const WEIGHT = { episode: 3, tag: 2, link: 1.5, word: 1 } as const;
const MAX_SECTIONS = 12;
const MAX_ROUNDS = 25;

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
	const read = new Map<string, NoteFeatures>();
	const rows: number[][] = notes.map((note) => {
		const f = noteFeatures(note, source.byPath);
		read.set(note.path, f);
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
	const finish = (groups: number[][]): SectionDraft[] => {
		const members = groups.map((group) => group.map((i) => notes[i] as NoteInfo));
		const headings = nameGroups(members, { hubTag: spec.tag, byPath: source.byPath, tagTitles, vault: source.notes, features: read });
		const drafts = members.map((group, rank): SectionDraft => ({ key: `auto:${rank}`, heading: headings[rank] ?? `Group ${rank + 1}`, link: null, declared: null, rank, members: group, rest: false }));
		return loose.length > 0 ? [...drafts, restSection(loose)] : drafts;
	};
	if (k <= 1) return finish(placed.length === 0 ? [] : [placed]);

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
	return finish(groups);
};

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
