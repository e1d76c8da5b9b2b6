/** Card order inside a section: by title, by last modification (newest first) or by citation count (most first). */
import type { NoteInfo } from "../vault/noteInfo";
import { noteTitle } from "./noteText";
import type { HubSort } from "./hubSpec";
import { episodeCodeOfNote } from "./noteKinds";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Compares two titles as people read them: case-insensitive, numbers by value ("E9" before "E10"). */
export function compareTitles(a: string, b: string): number {
	return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A note's citation count: for an episode note the `citations` it records (how often it is cited), for any other
 * note the number of distinct episode notes it links to (how many episodes it cites).
 */
export function citationCount(note: NoteInfo, byPath: ReadonlyMap<string, NoteInfo>): number {
	if (episodeCodeOfNote(note) !== null) {
		const recorded = note.frontmatter.citations;
		return typeof recorded === "number" && Number.isFinite(recorded) ? recorded : 0;
	}
	const episodes = new Set<string>();
	for (const target of note.links) {
		const linked = byPath.get(target);
		if (linked !== undefined && episodeCodeOfNote(linked) !== null) episodes.add(target);
	}
	return episodes.size;
}

/** Sorts `notes` for a section; ties always fall back to the title, then the path, so the order is total. */
export function sortCards(notes: readonly NoteInfo[], sort: HubSort, byPath: ReadonlyMap<string, NoteInfo>): NoteInfo[] {
	const keyed = notes.map((note) => ({ note, title: noteTitle(note), value: sort === "modified" ? note.mtime : sort === "citations" ? citationCount(note, byPath) : 0 }));
	keyed.sort((a, b) => b.value - a.value || compareTitles(a.title, b.title) || (a.note.path < b.note.path ? -1 : a.note.path > b.note.path ? 1 : 0));
	return keyed.map((k) => k.note);
}
