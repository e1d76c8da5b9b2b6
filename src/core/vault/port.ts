/** The one side effect of an import, behind one port: MemoryVault (tests), FsVault (CLI), ObsidianVault (plugin). */
import type { YamlPort } from "../markdown/yaml";

/** What a host knows of a file without reading it. */
export interface FileStat {
	size: number;
	mtime: number;
}

/**
 * A host's own way to render and create the notes an import finds missing from the vault: the command-line tool does
 * both on its writer thread, while the import goes on to the next notes.
 */
export interface NoteCreator {
	/** The YAML it renders with: an import given any other renders its notes itself. */
	readonly yaml: YamlPort;
	/** False while the host would fall behind with one more note: the import renders that one itself. */
	canTake(): boolean;
	/**
	 * Renders a note exactly as `renderNote` does through `pairwiseYaml(yaml)` and creates it, never replacing a file;
	 * resolves once it is written, with the fingerprint stamped into it and the file's stat as written. (A body holding
	 * a lone surrogate, which no text read from a file does, is fingerprinted as it is written: with U+FFFD in its
	 * place, as a later import reads it.)
	 */
	create(path: string, frontmatter: Record<string, unknown>, body: string): Promise<CreatedNote>;
}

/** A note a NoteCreator wrote: the fingerprint stamped into it, and its size and modification time as written. */
export interface CreatedNote {
	fingerprint: string;
	stat: FileStat;
}

/** File access the importer needs; paths are vault-relative with `/` separators. */
export interface VaultPort {
	/** Every file path below `folder` ("" for the whole vault), recursively. */
	list(folder: string): Promise<string[]>;
	/** A file's text, or null when there is none. */
	read(path: string): Promise<string | null>;
	/**
	 * Creates a new file, making folders as needed; never replaces an existing one. Resolves with the file's size and
	 * modification time as written, where the host knows them without another look (the import record keeps them
	 * for every note it writes), else null.
	 */
	create(path: string, content: string): Promise<FileStat | null>;
	/**
	 * How many `create` calls the host can have in flight at once (1 when absent): an import keeps that many writes
	 * going while it renders the next notes. A host whose creates could race (making the same folder twice, say)
	 * leaves it out.
	 */
	readonly parallelCreates?: number;
	/** Where the host renders new notes itself (see NoteCreator); absent, the import renders every note. */
	readonly noteCreator?: NoteCreator;
	/** Replaces a file's text only if it still reads `expected`; false when it changed meanwhile (nothing written). */
	replace(path: string, expected: string, content: string): Promise<boolean>;
	/**
	 * A file's size and modification time, or null when there is none; hosts that can tell them without reading the
	 * file offer it, and an unchanged re-run then checks the vault the way git checks a work tree.
	 */
	stat?(path: string): Promise<FileStat | null>;
	/**
	 * Changes a note's frontmatter in place, body untouched, atomically: `fn` gets the parsed properties, mutates them
	 * and returns true, or returns false to write nothing. Resolves to whether it wrote. Obsidian's vault implements it
	 * with `fileManager.processFrontMatter`; where it is missing (MemoryVault, FsVault) the importer does the same
	 * through `read` + `replace` with its own YAML (`rewriteFrontmatter`).
	 */
	processFrontMatter?(path: string, fn: (frontmatter: Record<string, unknown>) => boolean): Promise<boolean>;
}
