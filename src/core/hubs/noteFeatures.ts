/** What two notes can share: episodes they cite, other notes they link, tags and content words. */
import type { NoteInfo } from "../vault/noteInfo";
import { frontmatterDescription, noteTitle } from "./noteText";
import { tagKey } from "./hubTag";
import { episodeCodeOfNote } from "./noteKinds";
import { titleWords } from "./titleWords";

/** A note's comparable features, each list distinct and in order of first appearance. */
export interface NoteFeatures {
	/** Paths of linked episode notes. */
	episodes: string[];
	/** Paths of other linked notes (the note itself excluded). */
	links: string[];
	/** Tags in lower case, without the atlas's own note-type tags (`atlas/…`), which every note of a kind carries. */
	tags: string[];
	/** Content words of the title and description. */
	words: string[];
}

/** Reads the features of `note`; `byPath` tells which linked notes are episodes. */
export function noteFeatures(note: NoteInfo, byPath: ReadonlyMap<string, NoteInfo>): NoteFeatures {
	const episodes: string[] = [];
	const links: string[] = [];
	const seen = new Set<string>([note.path]);
	for (const target of note.links) {
		if (seen.has(target)) continue;
		seen.add(target);
		const linked = byPath.get(target);
		if (linked !== undefined && episodeCodeOfNote(linked) !== null) episodes.push(target);
		else links.push(target);
	}
	const tags = [...new Set(note.tags.map(tagKey))].filter((tag) => tag !== "" && !tag.startsWith("atlas/"));
	const words = titleWords(`${noteTitle(note)} ${frontmatterDescription(note)}`);
	return { episodes, links, tags, words };
}
