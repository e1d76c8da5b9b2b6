/** Escaping so that scraped text shows exactly as written: no stray emphasis, links, tags, math or HTML. */
import { collapseWhiteSpace } from "../text/whiteSpace";

// Single characters that start Markdown or HTML syntax, and pairs that do (==highlight==, ~~strike~~, %%comment%%),
// and `#` directly before a word (a tag). Plain `%`, `=`, `~` and `# ` are left alone so the source stays readable.
const SPECIAL = /[\\`*_[\]<>$|^]|==|~~|%%|#(?=[^\s#])/g;

/** Backslash-escapes what Obsidian's Markdown could read as syntax (HTML included), so text shows as written. */
export function escapeMarkdown(text: string): string {
	return text.replace(SPECIAL, (match) => [...match].map((ch) => `\\${ch}`).join(""));
}

/** Undoes `escapeMarkdown` (for reading generated text back, e.g. in the citation index). */
export function unescapeMarkdown(text: string): string {
	return text.replace(/\\([\\`*_[\]<>$|^=~%#])/g, "$1");
}

/** Text safe inside a wiki link's display part: no `|`, `]`, `[` or line breaks. */
export function linkDisplay(text: string): string {
	// Most titles hold no bracket or bar: tested first, so they are not copied by a replacement that changes nothing.
	const safe = /[[\]|]/.test(text) ? text.replace(/[[\]|]/g, (ch) => (ch === "|" ? "-" : ch === "[" ? "(" : ")")) : text;
	return collapseWhiteSpace(safe);
}

/** Inline code for names such as file paths: shown literally, with no escapes in the source. */
export function inlineCode(text: string): string {
	const ticks = text.includes("`") ? "``" : "`";
	return `${ticks}${text.replace(/\n/g, " ")}${ticks}`;
}
