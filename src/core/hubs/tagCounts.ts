/** The vault's tags with how many notes carry each, parents of nested tags included (for the tag picker). */
import type { NoteInfo } from "../vault/noteInfo";
import { tagKey } from "./hubTag";

/** One tag and the number of notes carrying it or a tag nested below it. */
export interface TagCount {
	/** The tag as first written in the vault (without `#`). */
	tag: string;
	notes: number;
}

/** Every tag and parent tag, most used first, then alphabetically. */
export function countTags(notes: Iterable<NoteInfo>): TagCount[] {
	const counts = new Map<string, TagCount>();
	for (const note of notes) {
		const seen = new Set<string>();
		for (const written of note.tags) {
			const clean = written.trim().replace(/^#/, "").replace(/\/+$/, "");
			const parts = clean.split("/");
			for (let depth = 1; depth <= parts.length; depth++) {
				const tag = parts.slice(0, depth).join("/");
				const key = tagKey(tag);
				if (key === "" || seen.has(key)) continue;
				seen.add(key);
				const entry = counts.get(key);
				if (entry === undefined) counts.set(key, { tag, notes: 1 });
				else entry.notes++;
			}
		}
	}
	return [...counts.values()].sort((a, b) => b.notes - a.notes || (tagKey(a.tag) < tagKey(b.tag) ? -1 : tagKey(a.tag) > tagKey(b.tag) ? 1 : 0));
}
