/** The vault model: the notes an import produces, each with its path, frontmatter and body. */

/** The kinds of note the importer writes (the `type` frontmatter key). */
export type NoteType = "cluster" | "subtopic" | "hub" | "section" | "question" | "review" | "episode" | "index" | "report";

/** A note to write: where, and what. */
export interface VaultNote {
	id: string;
	type: NoteType;
	title: string;
	/** Vault-relative path, ending in `.md`. */
	path: string;
	frontmatter: Record<string, unknown>;
	body: string;
}

/** Where a note wants to live before collisions are resolved. */
export interface NotePlace {
	id: string;
	folder: string;
	baseName: string;
}

/** What the vault already holds under the target folder: paths, and generated notes by id. */
export interface ExistingNotes {
	/** Every file path in the target folder (any extension), as stored. */
	paths: string[];
	/** Generated notes found there, by their stable source id. */
	byId: Map<string, string>;
	/** Generated notes (they carry the importer's fingerprint) whose source id was removed: matched by path instead. */
	withoutId?: Set<string>;
}
