/** The atlas's structural notes (hubs, sections, clusters, sub-topics) and episode notes, told apart by `type`. */
import type { NoteInfo } from "../vault/noteInfo";

const STRUCTURAL = new Set(["hub", "section", "cluster", "subtopic"]);

/** The note's `type` in lower case, "" when it has none. */
export function noteType(note: NoteInfo): string {
	const type = note.frontmatter.type;
	return typeof type === "string" ? type.trim().toLowerCase() : "";
}

/** True for notes that define a hub or a grouping rather than being a card in one (any note with a `hub_tag` too). */
export function isStructural(note: NoteInfo): boolean {
	return STRUCTURAL.has(noteType(note)) || typeof note.frontmatter.hub_tag === "string";
}

/** The episode code of an episode note (`type: episode`, its `code` or else its file name); null for other notes. */
export function episodeCodeOfNote(note: NoteInfo): string | null {
	if (noteType(note) !== "episode") return null;
	const code = note.frontmatter.code;
	return typeof code === "string" && code.trim() !== "" ? code.trim() : note.basename;
}

/** The `order` a section or sub-topic note records, or null. */
export function orderOf(note: NoteInfo): number | null {
	const order = note.frontmatter.order;
	return typeof order === "number" && Number.isFinite(order) ? order : null;
}
