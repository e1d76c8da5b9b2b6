/** The hubs of a vault: every note recording a `hub_tag`. */
import type { NoteInfo } from "../vault/noteInfo";
import { hubTagOf } from "./hubSpec";

/** Hub notes, by path. */
export function findHubs(notes: Iterable<NoteInfo>): NoteInfo[] {
	const out: NoteInfo[] = [];
	for (const note of notes) if (hubTagOf(note) !== null) out.push(note);
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
