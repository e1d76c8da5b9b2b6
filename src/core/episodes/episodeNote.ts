/** Episode notes: where they live, which code a note is the episode note of, and the text of a new one. */
import type { CodeSyntax } from "./code";

/** The folder of episode notes: the setting, or `<atlas folder>/Episodes` when it is empty. */
export function episodeFolderOf(settings: { atlasFolder: string; episodeFolder: string }): string {
	const chosen = trimSlashes(settings.episodeFolder);
	if (chosen !== "") return chosen;
	const atlas = trimSlashes(settings.atlasFolder);
	return atlas === "" ? "Episodes" : `${atlas}/Episodes`;
}

/** The path of a code's episode note in `folder`. */
export function episodeNotePath(folder: string, code: string): string {
	const clean = trimSlashes(folder);
	return clean === "" ? `${code}.md` : `${clean}/${code}.md`;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * The code a note is the episode note of: a note named after a code in the episode folder, or any note whose
 * frontmatter says `type: episode` and `code: <code>` (so a moved episode note still counts); else undefined.
 */
export function episodeCodeOf(path: string, text: string, syntax: CodeSyntax, folder: string): string | undefined {
	const slash = path.lastIndexOf("/");
	const parent = slash < 0 ? "" : path.slice(0, slash);
	// Called for every note of the vault: plain string checks first, patterns only for likely episode notes.
	if (parent === (isTrimmed(folder) ? folder : trimSlashes(folder))) {
		const name = path.slice(slash + 1).replace(/\.md$/i, "");
		if (syntax.exact.test(name)) return name;
	}
	if (!text.startsWith("---")) return undefined;
	const type = text.indexOf("\ntype:");
	if (type < 0 || text.lastIndexOf("\n---", type) > 0) return undefined;
	TYPE_EPISODE.lastIndex = type + 1;
	if (!TYPE_EPISODE.test(text)) return undefined;
	const yaml = FRONTMATTER.exec(text)?.[1];
	if (yaml === undefined || !/^type:\s*["']?episode["']?\s*$/m.test(yaml)) return undefined;
	const code = /^code:\s*["']?([^"'\n]*?)["']?\s*$/m.exec(yaml)?.[1];
	return code !== undefined && syntax.exact.test(code) ? code : undefined;
}

const TYPE_EPISODE = /type:\s*["']?episode/y;

function isTrimmed(folder: string): boolean {
	return folder === folder.trim() && !folder.startsWith("/") && !folder.endsWith("/");
}

/** The text of a new, empty episode note (valid YAML: the code is written as a JSON string when it needs quoting). */
export function newEpisodeNote(code: string): string {
	const value = /^[A-Za-z0-9_-]+$/.test(code) ? code : JSON.stringify(code);
	return `---\ntype: episode\ncode: ${value}\ntags:\n  - atlas/episode\n---\n# ${code}\n\n`;
}

function trimSlashes(path: string): string {
	return path.trim().replace(/^\/+|\/+$/g, "");
}
