/** Notes as frontmatter + body, and the fingerprint that tells a generated note from a user-edited one. */
import { hashText } from "../text/hash";
import type { YamlPort } from "./yaml";

/** The frontmatter key holding the fingerprint of the generated note. */
export const HASH_KEY = "atlas_hash";
/** The frontmatter key holding the note's stable source id. */
export const ID_KEY = "atlas_id";

const FRONTMATTER = /^---\n([\s\S]*?\n)?---(?:\n|$)/;
const HASH_LINE = new RegExp(`^${HASH_KEY}: *["']?([0-9a-f]+)["']? *\\n`, "m");

/** Splits a note into its YAML text (null when it has none) and its body. */
export function splitFrontmatter(content: string): { yaml: string | null; body: string } {
	const m = FRONTMATTER.exec(content);
	if (m === null) return { yaml: null, body: content };
	return { yaml: m[1] ?? "", body: content.slice(m[0].length) };
}

/** Writes a note: frontmatter (without empty values) and body, then stamps the fingerprint as the last key. */
export function composeNote(frontmatter: Record<string, unknown>, body: string, yaml: YamlPort): string {
	const clean: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(frontmatter)) {
		if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
		clean[key] = value;
	}
	const unstamped = `---\n${yaml.stringify(clean)}---\n${body.endsWith("\n") ? body : `${body}\n`}`;
	return stamp(unstamped);
}

/** Adds the fingerprint line to a note that has none. */
function stamp(unstamped: string): string {
	const end = unstamped.indexOf("\n---\n", 3);
	return `${unstamped.slice(0, end + 1)}${HASH_KEY}: ${hashText(unstamped)}\n${unstamped.slice(end + 1)}`;
}

/** The fingerprint stored in a note, or null. */
export function storedHash(content: string): string | null {
	const { yaml } = splitFrontmatter(content);
	if (yaml === null) return null;
	return HASH_LINE.exec(yaml)?.[1] ?? null;
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
