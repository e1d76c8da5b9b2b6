/** What a card shows of a note: its title and its one-line description. */
import { collapseWhiteSpace } from "../text/whiteSpace";
import type { NoteInfo } from "../vault/noteInfo";

/** The note's title: a `title` in its frontmatter, else its file name. */
export function noteTitle(note: NoteInfo): string {
	const title = note.frontmatter.title;
	return typeof title === "string" && title.trim() !== "" ? title.trim() : note.basename;
}

/** The `description` in the note's frontmatter, on one line; "" when it has none. */
export function frontmatterDescription(note: NoteInfo): string {
	const value = note.frontmatter.description;
	if (typeof value !== "string") return "";
	// Most descriptions are one line already: no rewrite (a hub over 10,000 notes reads 10,000 of them).
	return collapseWhiteSpace(value).trim();
}
