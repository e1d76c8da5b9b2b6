/**
 * The import's own record, kept beside the report as `Import report.json`: which inputs went in, the fingerprint of
 * every note as written, and what the import said. A re-run over the same inputs that finds every note as written has
 * nothing to do, and can say so after one read of the notes instead of parsing and rendering the whole atlas again.
 */
import type { InputFile } from "../atlas/build";
import type { NoteType } from "../atlas/vaultModel";
import type { Diagnostic } from "../diagnostics";
import { formatFingerprint, isUntouched, storedFingerprint } from "../markdown/frontmatter";
import { hashText } from "../text/hash";
import type { FileStat } from "../vault/port";

/**
 * Bumped whenever the importer would write different notes from the same inputs, so that an older record never
 * vouches for notes the new code would write otherwise. Hosts add their own version (`generator`) on top.
 */
export const IMPORT_FORMAT = 1;

/** What the record holds. */
export interface ImportState {
	format: number;
	/** Fingerprint of the inputs, the import options and the generator. */
	key: string;
	/**
	 * Every generated note (the report included): path → the fingerprint it was stamped with (a hash of its text for a
	 * note without one), followed by its size and modification time (`hash size mtime`) where the host could tell them.
	 */
	notes: Record<string, string>;
	counts: Partial<Record<NoteType, number>>;
	problems: Diagnostic[];
	rejected: string[];
}

/** What, besides the inputs, changes the notes an import writes. */
export interface ImportKeyOptions {
	root: string;
	codePattern?: string;
	/** The host's version (the plugin's, or a hash of the command-line tool). */
	generator?: string;
}

/** The fingerprint of one import's inputs and options. */
export function importKey(inputs: InputFile[], options: ImportKeyOptions): string {
	const parts = [`format ${IMPORT_FORMAT}`, `generator ${options.generator ?? ""}`, `root ${options.root}`, `pattern ${options.codePattern ?? ""}`];
	for (const input of inputs) parts.push(`${input.file}\u0000${input.unreadable ?? ""}\u0000${hashText(input.text)}`);
	return hashText(parts.join("\u0001"));
}

/** The record's path: the report's, with `.json` for `.md`. */
export function statePath(reportPath: string): string {
	return reportPath.replace(/\.md$/, "") + ".json";
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads a record; null for anything that is not one of ours (a user's file at that path is never trusted). */
export function parseState(text: string | null): ImportState | null {
	if (text === null) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (!isRecord(value) || value.format !== IMPORT_FORMAT || typeof value.key !== "string") return null;
	const { notes, counts, problems, rejected } = value;
	if (!isRecord(notes) || !Object.values(notes).every((h) => typeof h === "string")) return null;
	if (!isRecord(counts) || !Array.isArray(problems) || !Array.isArray(rejected)) return null;
	return { format: IMPORT_FORMAT, key: value.key, notes: notes as Record<string, string>, counts, problems: problems as Diagnostic[], rejected: rejected.filter((r): r is string => typeof r === "string") };
}

/** True for a record of ours of any format (so an older one is replaced), false for any other file. */
export function isImportRecord(text: string): boolean {
	try {
		const value: unknown = JSON.parse(text);
		return isRecord(value) && typeof value.format === "number" && typeof value.key === "string" && isRecord(value.notes);
	} catch {
		return false;
	}
}

/** One note's line in the record as written (`renderState`): its path and its entry (`recordEntry`). */
export function recordLine(path: string, entry: string): string {
	return `    ${JSON.stringify(path)}: ${JSON.stringify(entry)}`;
}

/**
 * The record as written: JSON, one note per line (`recordLine`, in the order given: the order the import wrote the
 * notes, the same from one run to the next) so that a diff of two records reads. The notes' lines are made as each
 * note's write is answered, not all at the end: a hundred thousand of them were half a second with nothing else to do.
 */
export function renderState(state: Omit<ImportState, "notes">, noteLines: string[]): string {
	const rest = { counts: state.counts, problems: state.problems, rejected: state.rejected };
	const tail = JSON.stringify(rest, null, 2).slice(1, -1).trimEnd();
	return `{\n  "format": ${state.format},\n  "key": ${JSON.stringify(state.key)},\n  "notes": {\n${noteLines.join(",\n")}\n  },${tail}\n}\n`;
}

/**
 * What a record keeps of a note: the fingerprint the note carries (renderNote stamped it: no second hash of the
 * text), and its size and modification time when known.
 */
export function noteEntry(content: string, stat: FileStat | null): string {
	const print = storedFingerprint(content);
	return recordEntry(print === null ? hashText(content) : formatFingerprint(print), stat);
}

/** A record entry from the fingerprint a note was stamped with (as `renderNote` returns it) and its stat. */
export function recordEntry(fingerprint: string, stat: FileStat | null): string {
	return stat === null ? fingerprint : `${fingerprint} ${stat.size} ${stat.mtime}`;
}

/** True when a note's text is what the entry recorded: it carries that fingerprint and is untouched since. */
export function matchesEntry(content: string, entry: string): boolean {
	const hash = entryHash(entry);
	const print = storedFingerprint(content);
	return print === null ? hashText(content) === hash : formatFingerprint(print) === hash && isUntouched(content);
}

/** The size and modification time a record entry holds, or null. */
export function entryStat(entry: string): FileStat | null {
	const [, size, mtime] = entry.split(" ");
	return size === undefined || mtime === undefined ? null : { size: Number(size), mtime: Number(mtime) };
}

/** The text hash a record entry holds. */
function entryHash(entry: string): string {
	return entry.split(" ")[0] ?? "";
}
