/** Line roles in a Markdown note: which lines are prose a citation can live in, and which are not. */
import { isWhiteSpace } from "../text/whiteSpace";

/** What a line is, for finding citations. */
export type LineKind = "frontmatter" | "code" | "comment" | "generated" | "heading" | "blank" | "text";

/** One line of a note. */
export interface MarkdownLine {
	kind: LineKind;
	/** The line without its line break (and without a trailing `\r`). */
	text: string;
	/** Offset of the line's first character in the note. */
	from: number;
	/** 1-based line number, as editors show it. */
	number: number;
	/** Heading level (1–6) for heading lines. */
	level?: number;
	/** Parts of a prose line hidden by an Obsidian comment (`%% … %%`), as [from, to) columns. */
	hidden?: Array<[number, number]>;
}

/** Prefix of the opening marker of a generated "Cited by" section (see citedBy.ts). */
export const CITED_BY_START_PREFIX = "%% research-atlas:cited-by start";
/** Prefix of the closing marker of a generated "Cited by" section. */
export const CITED_BY_END_PREFIX = "%% research-atlas:cited-by end";
/** Prefix of the opening marker of a region the import wrote that quotes or lists codes (see quotedRegion.ts). */
export const QUOTED_START_PREFIX = "%% research-atlas:quoted start";
/** Prefix of the closing marker of a quoted region. */
export const QUOTED_END_PREFIX = "%% research-atlas:quoted end";
/** Generated regions the citation scan skips whole, by the prefix of their opening marker → that of their closing one. */
const GENERATED_REGIONS: ReadonlyArray<readonly [string, string]> = [
	[CITED_BY_START_PREFIX, CITED_BY_END_PREFIX],
	[QUOTED_START_PREFIX, QUOTED_END_PREFIX],
];

/** A line's kind before the branches below (and blockKind) settle it; typed as any kind so none of them looks unreachable. */
const TEXT: LineKind = "text";
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])(?:\s|$)/;
const FENCE = /^(?:\s{0,3}>)*\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})(?:[ \t]+|$)/;

/** Splits a note into classified lines: frontmatter, fenced code, comments and the generated "Cited by" section are not prose. */
export function classifyLines(text: string): MarkdownLine[] {
	const out: MarkdownLine[] = [];
	scanLines(text, (line) => {
		out.push({ kind: line.kind, text: line.text, from: line.from, number: line.number, level: line.level, hidden: line.hidden });
	});
	return out;
}

/**
 * Classifies a note's lines in order, as `classifyLines` does, handing each to `visit` until it returns false. The
 * line object is reused from line to line (copy what you keep): an index scanning a whole vault makes no object per line.
 */
export function scanLines(text: string, visit: (line: MarkdownLine) => boolean | void): void {
	let from = 0;
	let number = 1;
	let fence: { char: string; length: number } | null = null;
	let inComment = false;
	/** The closing marker's prefix while inside a generated region. */
	let generatedEnd: string | null = null;
	let frontmatter = frontmatterEnd(text) > 0;
	// Indented code blocks (four spaces or a tab): they start after a blank line or a heading, never inside a list.
	let previous: LineKind = "blank";
	let inIndented = false;
	let inList = false;
	const entry: MarkdownLine = { kind: "text", text: "", from: 0, number: 0, level: undefined, hidden: undefined };
	while (from <= text.length) {
		const end = text.indexOf("\n", from);
		const stop = end < 0 ? text.length : end;
		const line = text.slice(from, stop > from && text.charCodeAt(stop - 1) === 13 /* \r */ ? stop - 1 : stop);
		entry.kind = TEXT;
		entry.text = line;
		entry.from = from;
		entry.number = number;
		entry.level = undefined;
		entry.hidden = undefined;
		if (frontmatter) {
			entry.kind = "frontmatter";
			if (number > 1 && (line.trimEnd() === "---" || line.trimEnd() === "...")) frontmatter = false;
		} else if (generatedEnd !== null) {
			entry.kind = "generated";
			if (line.trim().startsWith(generatedEnd)) generatedEnd = null;
		} else if (fence !== null) {
			entry.kind = "code";
			const close = line.includes(fence.char.repeat(3)) ? FENCE.exec(line) : null;
			if (close?.[1] !== undefined && close[1][0] === fence.char && close[1].length >= fence.length && line.slice(close[0].length).trim() === "") fence = null;
		} else if (!inComment && line.includes("%%") && (generatedEnd = generatedRegionEnd(line)) !== null) {
			entry.kind = "generated";
		} else if (!inComment && !line.includes("%%")) {
			// Most lines: no comment to track, nothing hidden.
			fence = blockKind(entry, line, false) ?? fence;
		} else {
			const hidden: Array<[number, number]> = [];
			let at = 0;
			let visible: boolean = !inComment;
			let fullyHidden = inComment;
			for (let mark = line.indexOf("%%"); mark >= 0; mark = line.indexOf("%%", at)) {
				if (visible) {
					visible = false;
					at = mark + 2;
					hidden.push([mark, line.length]);
				} else {
					const last = hidden[hidden.length - 1];
					if (last) last[1] = mark + 2;
					else hidden.push([0, mark + 2]);
					visible = true;
					fullyHidden = false;
					at = mark + 2;
				}
			}
			if (inComment && hidden.length === 0) hidden.push([0, line.length]);
			inComment = !visible;
			if (fullyHidden && inComment) entry.kind = "comment";
			else fence = blockKind(entry, line, hidden.length > 0) ?? fence;
			if (hidden.length > 0 && entry.kind !== "comment") entry.hidden = hidden;
		}
		if (entry.kind === "text" || entry.kind === "blank") {
			const indented = entry.kind === "text" && isIndented(line);
			if (inIndented && (indented || entry.kind === "blank")) entry.kind = entry.kind === "blank" ? "blank" : "code";
			else if (indented && !inList && (previous === "blank" || previous === "heading" || previous === "frontmatter")) {
				entry.kind = "code";
				inIndented = true;
			} else inIndented = false;
			if (entry.kind === "text") inList = isListItem(line) || (inList && (indented || isWhiteSpace(line.charCodeAt(0))));
		} else if (entry.kind === "heading") {
			inIndented = false;
			inList = false;
		}
		previous = entry.kind;
		if (visit(entry) === false || end < 0) break;
		from = end + 1;
		number++;
	}
}

/** The closing marker's prefix when `line` opens a generated region, else null. */
function generatedRegionEnd(line: string): string | null {
	if (!line.includes("research-atlas:")) return null;
	const trimmed = line.trim();
	for (const [start, end] of GENERATED_REGIONS) if (trimmed.startsWith(start)) return end;
	return null;
}

/** Sets a visible line's kind (fence opening, blank, heading, else text); returns the fence it opens, if any. */
function blockKind(entry: MarkdownLine, line: string, hasHidden: boolean): { char: string; length: number } | undefined {
	const opening = line.includes("```") || line.includes("~~~") ? FENCE.exec(line) : null;
	if (opening?.[1] !== undefined && !hasHidden && !(opening[1][0] === "`" && line.slice(opening[0].length).includes("`"))) {
		entry.kind = "code";
		return { char: opening[1][0] ?? "`", length: opening[1].length };
	}
	if (isBlank(line)) entry.kind = "blank";
	else {
		const heading = line.includes("#") ? HEADING.exec(line) : null;
		if (heading?.[1] !== undefined) {
			entry.kind = "heading";
			entry.level = heading[1].length;
		}
	}
	return undefined;
}

// Character tests instead of patterns: they run on every line of every note that cites anything.

/** Four columns of indentation or more (a tab counts as four). */
function isIndented(line: string): boolean {
	for (let i = 0; i < 4; i++) {
		const c = line.charCodeAt(i);
		if (c === 9) return true;
		if (c !== 32) return false;
	}
	return true;
}

function isBlank(line: string): boolean {
	for (let i = 0; i < line.length; i++) if (!isWhiteSpace(line.charCodeAt(i))) return false;
	return true;
}

/** Whether a line starts with a list marker (`-`, `*`, `+`, `1.`, `1)`); cheap for the lines that do not. */
function isListItem(line: string): boolean {
	let i = 0;
	while (isWhiteSpace(line.charCodeAt(i))) i++;
	const c = line.charCodeAt(i);
	if (c !== 45 && c !== 42 && c !== 43 && (c < 48 || c > 57)) return false;
	return LIST_ITEM.test(line);
}

const FRONTMATTER_CLOSE = /\n(?:---|\.\.\.)[ \t]*\r?(?:\n|$)/g;

/** Offset just past a note's closed frontmatter (after the line break of its closing `---` or `...`), or 0 when it has none. */
export function frontmatterEnd(text: string): number {
	if (!text.startsWith("---")) return 0;
	const firstBreak = text.indexOf("\n");
	if (firstBreak < 0 || text.slice(0, firstBreak).trimEnd() !== "---") return 0;
	// One pattern run from the first line break: it runs on every note of the vault, and one scan beats a loop over lines.
	FRONTMATTER_CLOSE.lastIndex = firstBreak;
	const close = FRONTMATTER_CLOSE.exec(text);
	return close === null ? 0 : close.index + close[0].length;
}
