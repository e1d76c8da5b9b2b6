/** The notes a hub is built from, with the two host-specific answers: how to link a note, and its first paragraph. */
import type { NoteInfo } from "../vault/noteInfo";
import { LinkTargets } from "./linkTargets";

/** The vault as hubs and the related-notes ranking read it. */
export interface HubSource {
	notes: readonly NoteInfo[];
	byPath: ReadonlyMap<string, NoteInfo>;
	/** The link target for a note (Obsidian's `fileToLinktext` in the app). */
	linkTarget: (path: string) => string;
	/** A note's first paragraph, read only for notes without a `description`; "" when unknown. */
	firstParagraph: (path: string) => string;
}

/** Options for `hubSource`. */
export interface HubSourceOptions {
	linkTarget?: (path: string) => string;
	firstParagraph?: (path: string) => string | undefined;
}

/** A source over `notes`; links default to the shortest unique form, first paragraphs to none. */
export function hubSource(notes: readonly NoteInfo[], options: HubSourceOptions = {}): HubSource {
	const byPath = new Map(notes.map((note) => [note.path, note]));
	let targets: LinkTargets | null = null;
	const linkTarget =
		options.linkTarget ??
		((path: string): string => {
			targets ??= new LinkTargets(byPath.keys());
			return targets.target(path);
		});
	const paragraphs = options.firstParagraph;
	return { notes, byPath, linkTarget, firstParagraph: (path) => paragraphs?.(path) ?? "" };
}
