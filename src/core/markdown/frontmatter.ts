/** Notes as frontmatter + body, and the fingerprint that tells a generated note from a user-edited one. */
import { hashHeadAndTail, hashHeadAndUtf8Tail, hashText } from "../text/hash";
import { ownedHash } from "./ownedProperties";
import type { YamlPort } from "./yaml";

/** The frontmatter key holding the fingerprint of the generated note. */
export const HASH_KEY = "atlas_hash";
/** The frontmatter key holding the note's stable source id. */
export const ID_KEY = "atlas_id";

// `whole-owned-body`: the whole note as written, its owned properties, its body (older notes carry `whole` only).
const HASH_LINE = new RegExp(`^${HASH_KEY}: *["']?([0-9a-f]+)(?:-([0-9a-f]+)-([0-9a-f]+))?["']? *\\n`, "m");

/** The three parts of a note's fingerprint; `owned` and `body` are null in notes written before they existed. */
export interface Fingerprint {
	whole: string;
	owned: string | null;
	body: string | null;
}

/** Splits a note into its YAML text (null when it has none) and its body. */
export function splitFrontmatter(content: string): { yaml: string | null; body: string } {
	// `---` alone on the first line, then the first line that is `---` alone: what /^---\n([\s\S]*?\n)?---(?:\n|$)/
	// matches, found with indexOf (every import splits every note; the lazy regex was a tenth of an import).
	if (!content.startsWith("---\n")) return { yaml: null, body: content };
	for (let from = 3; ; ) {
		const close = content.indexOf("\n---", from);
		if (close === -1) return { yaml: null, body: content };
		const after = close + 4;
		if (after === content.length) return { yaml: content.slice(4, close + 1), body: "" };
		if (content.charCodeAt(after) === 10) return { yaml: content.slice(4, close + 1), body: content.slice(after + 1) };
		from = close + 1;
	}
}

/** A note as the importer writes it, and the fingerprint stamped into it (what the import record keeps). */
export interface RenderedNote {
	content: string;
	fingerprint: string;
}

/** A note's text up to its fingerprint line (the frontmatter without empty values), and its owned properties' hash. */
function unstampedHead(frontmatter: Record<string, unknown>, yaml: YamlPort): { head: string; owned: string } {
	const clean: Record<string, unknown> = {};
	for (const key of Object.keys(frontmatter)) {
		const value = frontmatter[key];
		if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
		clean[key] = value;
	}
	return { head: `---\n${yaml.stringify(clean)}`, owned: ownedHash(clean) };
}

/** The note's text up to its body, with the fingerprint from its hashes stamped in as the last property. */
function stamped(head: string, owned: string, hashes: { whole: string; tail: string }): { before: string; fingerprint: string } {
	const fingerprint = formatFingerprint({ whole: hashes.whole, owned, body: hashes.tail });
	return { before: `${head}${HASH_KEY}: ${fingerprint}\n---\n`, fingerprint };
}

/** Writes a note: frontmatter (without empty values) and body, then stamps the fingerprint as the last key. */
export function renderNote(frontmatter: Record<string, unknown>, body: string, yaml: YamlPort): RenderedNote {
	const { head, owned } = unstampedHead(frontmatter, yaml);
	const end = body.endsWith("\n") ? "" : "\n";
	// The fingerprint of the unstamped note (head, `---`, body) and of its body, in one pass and without building the
	// unstamped note: the stamp goes in as the last frontmatter line, just before the closing `---`.
	const { before, fingerprint } = stamped(head, owned, hashHeadAndTail(`${head}---\n`, body, end));
	return { content: `${before}${body}${end}`, fingerprint };
}

/** A note rendered around a body held as bytes: the text before the body, the text after it, and the fingerprint. */
export interface NoteAroundBody {
	before: string;
	after: string;
	fingerprint: string;
}

/**
 * `renderNote` for a body given as UTF-8 bytes (as TextEncoder writes it): the note is `before`, then those bytes,
 * then `after`, byte for byte what `renderNote` writes for the body they decode to, with the same fingerprint.
 */
export function renderAroundBody(frontmatter: Record<string, unknown>, body: Uint8Array, yaml: YamlPort): NoteAroundBody {
	const { head, owned } = unstampedHead(frontmatter, yaml);
	const after = body.length > 0 && body[body.length - 1] === 10 ? "" : "\n";
	return { ...stamped(head, owned, hashHeadAndUtf8Tail(`${head}---\n`, body, after)), after };
}

/** The fingerprint as stored: `whole-owned-body`. */
export function formatFingerprint(print: Fingerprint): string {
	return print.owned === null || print.body === null ? print.whole : `${print.whole}-${print.owned}-${print.body}`;
}

/** The fingerprint stored in a note, or null. */
export function storedFingerprint(content: string): Fingerprint | null {
	const { yaml } = splitFrontmatter(content);
	if (yaml === null) return null;
	const m = HASH_LINE.exec(yaml);
	if (m?.[1] === undefined) return null;
	return { whole: m[1], owned: m[2] ?? null, body: m[3] ?? null };
}

/** The whole-note part of the stored fingerprint, or null. */
export function storedHash(content: string): string | null {
	return storedFingerprint(content)?.whole ?? null;
}

/** A note's frontmatter (parsed with the host's YAML) and body; null when the frontmatter is missing or invalid. */
export function parseNote(content: string, yaml: YamlPort): { frontmatter: Record<string, unknown>; body: string } | null {
	const { yaml: text, body } = splitFrontmatter(content);
	if (text === null) return null;
	try {
		const parsed = text.trim() === "" ? {} : yaml.parse(text);
		if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return null;
		return { frontmatter: parsed as Record<string, unknown>, body };
	} catch {
		return null;
	}
}

/**
 * Rewrites a note's frontmatter with `fn` (which returns false to leave it alone), keeping the body byte for byte:
 * what `fileManager.processFrontMatter` does in Obsidian, for the CLI and in-memory vaults. Null when nothing changes.
 */
export function rewriteFrontmatter(content: string, fn: (frontmatter: Record<string, unknown>) => boolean, yaml: YamlPort): string | null {
	const note = parseNote(content, yaml);
	if (note === null || !fn(note.frontmatter)) return null;
	const next = `---\n${yaml.stringify(note.frontmatter)}---\n${note.body}`;
	return next === content ? null : next;
}

/** True when a note still is exactly what the importer wrote (its fingerprint matches its text). */
export function isUntouched(content: string): boolean {
	const hash = storedHash(content);
	if (hash === null) return false;
	const { yaml } = splitFrontmatter(content);
	const without = content.replace(`---\n${yaml ?? ""}`, `---\n${(yaml ?? "").replace(HASH_LINE, "")}`);
	return hashText(without) === hash;
}

/** The stable source id a note carries; a fast line read, with the YAML parser only for unusual quoting. */
export function storedId(content: string, yaml: YamlPort): string | null {
	const { yaml: text } = splitFrontmatter(content);
	if (text === null) return null;
	const m = new RegExp(`^${ID_KEY}: *(.*)$`, "m").exec(text);
	if (m?.[1] === undefined) return null;
	const raw = m[1].trim();
	if (/^[\w:]/.test(raw) && !raw.includes(": ") && !raw.includes(" #")) return raw;
	try {
		const parsed = yaml.parse(text) as Record<string, unknown> | null;
		const value = parsed?.[ID_KEY];
		return typeof value === "string" ? value : null;
	} catch {
		return null;
	}
}
