/** Citations of episodes in one note, each with the passage around it: sentence, paragraph and heading path. */
import { classifyLines, frontmatterEnd, type MarkdownLine } from "./markdownLines";
import { nextCodeCandidate } from "./code";
import { sentenceSpans, spanHolding, trimmedSpan } from "../text/sentences";
import { findMentions, type CodeMention, type MentionOptions } from "./mentions";

/** One citation of an episode code in a note. */
export interface EpisodeCitation {
	code: string;
	/** Vault-relative path of the citing note. */
	path: string;
	/** 1-based line number of the mention. */
	line: number;
	/** Column of the mention in its line. */
	ch: number;
	form: "plain" | "link";
	/** The sentence holding the mention, as Markdown, on one line. */
	sentence: string;
	/** Where the mention sits in `sentence`, as [from, to). */
	highlight: [number, number];
	/** The paragraph (or list item, or heading) holding the mention, as Markdown, without its block id. */
	paragraph: string;
	/** Texts of the headings above the mention, outermost first. */
	headings: string[];
	/** The paragraph's block id (`p3` for a paragraph ending in ` ^p3`), for linking to it. */
	blockId?: string;
}

interface Paragraph {
	text: string;
	/** Sentence spans of `text`, computed once for all the mentions in it. */
	sentences?: Array<[number, number]>;
	/** Offset in `text` of each source line's content, and where that content starts in the line. */
	starts: Array<{ line: number; at: number; column: number }>;
	blockId?: string;
}

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?/;
const QUOTE = /^(?:\s{0,3}>\s?)+/;
const TABLE_ROW = /^\s*\|/;
/** What a prose line starts with that is not its text: quote marks, then a list marker. */
const LINE_PREFIX = /^(?:\s{0,3}>\s?)*(?:\s*(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?)?/;
const BLOCK_ID = /\s+\^([A-Za-z0-9-]+)\s*$/;

/** Every citation in a note, in reading order. */
export function citationsInNote(path: string, text: string, options: MentionOptions): EpisodeCitation[] {
	const mentions = noteMentions(text, options);
	return mentions.length === 0 ? [] : citationsOfMentions(path, text, mentions);
}

/** The mentions a note cites episodes with, in reading order: what an index needs up front, without any passage. */
export function noteMentions(text: string, options: MentionOptions): CodeMention[] {
	// Many notes name codes only in their frontmatter (an `episodes:` list): settle those without classifying lines.
	if (nextCodeCandidate(options.syntax, text, frontmatterEnd(text)) < 0) return [];
	return findMentions(text, options);
}

/** The citations made by `mentions` (found in the same `text`), each with its sentence, paragraph and heading path. */
export function citationsOfMentions(path: string, text: string, mentions: CodeMention[]): EpisodeCitation[] {
	if (mentions.length === 0) return [];
	const lines = classifyLines(text);
	const headingPaths = headingPathsFor(lines, new Set(mentions.map((m) => m.line)));
	const paragraphs = new Map<number, Paragraph>();
	const out: EpisodeCitation[] = [];
	for (const mention of mentions) {
		const index = mention.line - 1;
		const start = paragraphStart(lines, index);
		let paragraph = paragraphs.get(start);
		if (paragraph === undefined) {
			paragraph = paragraphAt(text, lines, start);
			paragraphs.set(start, paragraph);
		}
		const place = paragraph.starts.find((s) => s.line === index);
		const offset = place === undefined ? 0 : place.at + Math.max(0, mention.ch - place.column);
		const length = mention.to - mention.from;
		paragraph.sentences ??= sentenceSpans(paragraph.text);
		const [from, to] = spanHolding(paragraph.sentences, offset) ?? [0, paragraph.text.length];
		// Sentence and paragraph stay slices of the note's text where they can (V8 keeps a slice without copying).
		const [head, tail] = trimmedSpan(paragraph.text, from, to);
		let sentence = oneLine(paragraph.text.slice(head, tail));
		// Where the sentence starts on the mention's own line, no line break lies between them: no slice to measure.
		let before = offset <= head ? 0 : place !== undefined && place.at <= head ? offset - head : oneLine(paragraph.text.slice(head, offset)).length;
		if (sentence.charCodeAt(0) === 124 /* | */) ({ text: sentence, at: before } = tableRowText(sentence, before));
		const citation: EpisodeCitation = {
			code: mention.code,
			path,
			line: mention.line,
			ch: mention.ch,
			form: mention.form,
			sentence,
			highlight: [before, Math.min(sentence.length, before + length)],
			paragraph: paragraph.text,
			headings: headingPaths.get(mention.line) ?? [],
		};
		if (paragraph.blockId !== undefined) citation.blockId = paragraph.blockId;
		out.push(citation);
	}
	return out;
}

/** The heading path above each wanted line (1-based line numbers); heading texts are worked out only where wanted. */
function headingPathsFor(lines: MarkdownLine[], wanted: Set<number>): Map<number, string[]> {
	const out = new Map<number, string[]>();
	const last = Math.max(...wanted);
	const stack: Array<{ level: number; line: string; text?: string }> = [];
	let path: string[] | null = null;
	for (const line of lines) {
		if (line.number > last) break;
		if (wanted.has(line.number)) out.set(line.number, (path ??= stack.map((h) => (h.text ??= headingText(h.line)))));
		if (line.kind !== "heading" || line.level === undefined) continue;
		const level = line.level;
		while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
		stack.push({ level, line: line.text });
		path = null;
	}
	return out;
}

/** A heading's visible text: no `#` marks, links shown as their labels. */
function headingText(line: string): string {
	let text = line.replace(/^\s{0,3}#{1,6}\s*/, "");
	if (text.includes("#")) text = text.replace(/\s+#+\s*$/, "");
	if (text.includes("[[")) text = text.replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, "$2");
	if (text.includes("^")) text = text.replace(BLOCK_ID, "");
	return text.trim();
}

/** List items and table rows are passages of their own, never part of the paragraph around them. */
function standsAlone(line: MarkdownLine): boolean {
	if (startsPlain(line.text)) return false;
	const text = line.text.replace(QUOTE, "");
	return LIST_ITEM.test(text) || TABLE_ROW.test(text);
}

/** The quote marks a line starts with (`> > `), without spaces: a paragraph never spans two quote depths. */
function quoteOf(line: MarkdownLine): string {
	if (startsPlain(line.text)) return "";
	return (QUOTE.exec(line.text)?.[0] ?? "").replace(/\s/g, "");
}

/** Index of the first line of the paragraph (run of prose lines; list items, table rows and headings stand alone). */
function paragraphStart(lines: MarkdownLine[], index: number): number {
	const line = lines[index];
	if (line === undefined || line.kind === "heading" || standsAlone(line)) return index;
	let start = index;
	for (let i = index - 1; i >= 0; i--) {
		const previous = lines[i];
		if (previous === undefined || previous.kind !== "text" || quoteOf(previous) !== quoteOf(line)) break;
		start = i;
		if (standsAlone(previous)) break;
	}
	return start;
}

/** The paragraph starting at line `start`: a slice of `note` when its lines carry no prefixes, else its contents joined. */
function paragraphAt(note: string, lines: MarkdownLine[], start: number): Paragraph {
	const first = lines[start];
	const starts: Paragraph["starts"] = [];
	const parts: string[] = [];
	let at = 0;
	// Whether the lines so far are one run of the note (only `\n` between them, nothing stripped after the first).
	let contiguous = true;
	let last: MarkdownLine | undefined;
	const take = (index: number, line: MarkdownLine): void => {
		const column = line.kind === "heading" ? (/^\s{0,3}#{1,6}\s*/.exec(line.text)?.[0] ?? "").length : prefixLength(line.text);
		if (last !== undefined && (column > 0 || line.from !== last.from + last.text.length + 1)) contiguous = false;
		if (parts.length > 0) at += 1;
		starts.push({ line: index, at, column });
		const length = line.text.length - column;
		parts.push(line.text);
		at += length;
		last = line;
	};
	if (first !== undefined) take(start, first);
	if (first !== undefined && first.kind === "text") {
		for (let i = start + 1; i < lines.length; i++) {
			const line = lines[i];
			if (line === undefined || line.kind !== "text" || standsAlone(line) || quoteOf(line) !== quoteOf(first)) break;
			take(i, line);
		}
	}
	let text: string;
	if (first === undefined || last === undefined) text = "";
	else if (contiguous) text = note.slice(first.from + (starts[0]?.column ?? 0), last.from + last.text.length);
	else text = parts.map((part, i) => part.slice(starts[i]?.column ?? 0)).join("\n");
	// Only the tail can hold a block id; matching the pattern against the whole paragraph is slow.
	const caret = text.lastIndexOf("^");
	const block = caret < 0 ? null : BLOCK_ID.exec(text.slice(Math.max(0, caret - 8)));
	if (block?.[1] !== undefined) text = text.slice(0, Math.max(0, caret - 8) + block.index);
	return { text, starts, ...(block?.[1] === undefined ? {} : { blockId: block[1] }) };
}

/**
 * Whether a line starts with a character no quote mark, list marker, table border or indentation starts with (an
 * ASCII letter, a bracket, a quote): most prose lines, settled without a pattern.
 */
function startsPlain(line: string): boolean {
	const c = line.charCodeAt(0);
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 91 /* [ */ || c === 40 /* ( */ || c === 34 /* " */ || c === 39 /* ' */ || c === 95 /* _ */ || c === 96 /* ` */ || c === 33 /* ! */;
}

/** Length of what a prose line starts with that is not its text (quote marks, a list marker). */
function prefixLength(line: string): number {
	return startsPlain(line) ? 0 : (LINE_PREFIX.exec(line)?.[0] ?? "").length;
}

/**
 * A table row as a passage: its cells joined by ` · ` instead of pipes (`| E026 | Title |` → `E026 · Title`), and
 * where offset `at` of the row lands in it. Pipes inside links, code or escaped (`\|`) are not cell borders.
 */
function tableRowText(row: string, at: number): { text: string; at: number } {
	const borders: number[] = [];
	let link = 0;
	let code = false;
	for (let i = 0; i < row.length; i++) {
		const c = row[i];
		if (c === "`") code = !code;
		else if (code) continue;
		else if (c === "[" && row[i + 1] === "[") link++;
		else if (c === "]" && row[i + 1] === "]" && link > 0) link--;
		else if (c === "|" && link === 0 && row[i - 1] !== "\\") borders.push(i);
	}
	const cells: Array<{ from: number; text: string }> = [];
	let start = 0;
	for (const border of [...borders, row.length]) {
		const raw = row.slice(start, border);
		cells.push({ from: start + (raw.length - raw.trimStart().length), text: raw.trim() });
		start = border + 1;
	}
	if (cells[0]?.text === "") cells.shift();
	if (cells.length > 0 && cells[cells.length - 1]?.text === "") cells.pop();
	let text = "";
	let mapped = 0;
	for (const cell of cells) {
		if (text !== "") text += " · ";
		if (at >= cell.from && at <= cell.from + cell.text.length) mapped = text.length + at - cell.from;
		text += cell.text;
	}
	return { text, at: mapped };
}

/** Text on one line: line breaks and the spaces around them become one space. */
function oneLine(text: string): string {
	return text.includes("\n") ? text.replace(/\s*\n\s*/g, " ") : text;
}
