/** Where a note mentions episode codes: plain codes and links to episode notes, never inside code, URLs, links or comments. */
import { nextCodeCandidate, type CodeSyntax } from "./code";
import { scanLines } from "./markdownLines";
import { isWhiteSpace } from "../text/whiteSpace";

/** One mention of a code in a note. */
export interface CodeMention {
	code: string;
	/** `plain`: the bare code in prose; `link`: a wiki or Markdown link whose target is the episode note. */
	form: "plain" | "link";
	/** Offsets in the note of the whole mention (`E026` or `[[E026]]`). */
	from: number;
	to: number;
	/** 1-based line number. */
	line: number;
	/** Column of `from` in its line. */
	ch: number;
	/** A link written exactly `[[E026]]` (or with a folder), so it can become the plain code again without losing anything. */
	bare: boolean;
}

/** What to look for. */
export interface MentionOptions {
	syntax: CodeSyntax;
	/** A note's own code: an episode note mentioning itself is not a citation. */
	selfCode?: string;
}

const WIKI_LINK = /!?\[\[([^[\]\n]+?)\]\]/g;
const MARKDOWN_LINK = /!?\[([^\]\n]*)\]\(([^)\n]*)\)/g;
const URL = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>]*[^\s<>.,;:!?'")\]]/gi;
const HTML_TAG = /<\/?[a-z][^>\n]*>/gi;
const TAG_CHAR = /[\p{L}\p{N}_/-]/u;
const BEFORE_TAG = /[\p{L}\p{N}_&]/u;

/** Every mention in a note, in order. */
export function findMentions(text: string, options: MentionOptions): CodeMention[] {
	const out: CodeMention[] = [];
	// One pre-filter pass over the note finds the lines that may hold a code; only those are searched properly,
	// and the walk over lines stops after the last of them.
	let next = nextCodeCandidate(options.syntax, text);
	if (next < 0) return out;
	scanLines(text, (line) => {
		const end = line.from + line.text.length;
		if (next > end) return true;
		if (line.kind === "text" || line.kind === "heading") {
			for (const found of mentionsInLine(line.text, options, line.hidden)) {
				found.ch = found.from;
				found.from += line.from;
				found.to += line.from;
				found.line = line.number;
				out.push(found);
			}
		}
		next = nextCodeCandidate(options.syntax, text, end + 1);
		return next >= 0;
	});
	return out;
}

/** Mentions in one line of prose, with offsets relative to the line; `hidden` are columns to skip (comments). */
export function mentionsInLine(text: string, options: MentionOptions, hidden: Array<[number, number]> = []): CodeMention[] {
	// Most lines cite nothing: settle them with one search before building any mask.
	if (nextCodeCandidate(options.syntax, text) < 0) return [];
	// Code spans and comments hide links; links, URLs and tags only hide codes (the regexes never match across each other).
	const hiding: Array<[number, number]> = text.includes("`") ? [...hidden, ...inlineCode(text)] : hidden;
	const masks: Array<[number, number]> = [...hiding];
	const out: CodeMention[] = [];
	const masked = (at: number): boolean => hiding.length > 0 && hiding.some(([from, to]) => at >= from && at < to);
	const addLink = (from: number, to: number, target: string, bare: boolean): void => {
		masks.push([from, to]);
		const code = codeOfTarget(target, options.syntax);
		if (code !== null && code !== options.selfCode) out.push({ code, form: "link", from, to, line: 0, ch: from, bare });
	};
	// Each pattern runs only when its marker is on the line: most cited lines have no URL, tag or HTML.
	// exec loops, not matchAll: matchAll copies the pattern on every call, which shows on thousands of lines.
	WIKI_LINK.lastIndex = 0;
	for (let m = text.includes("[[") ? WIKI_LINK.exec(text) : null; m !== null; m = WIKI_LINK.exec(text)) {
		const from = m.index;
		if (masked(from)) continue;
		const inner = m[1] ?? "";
		// The target ends at the first `|` (alias) or `#` (heading, block): no split, most lines link a lot.
		const pipe = inner.indexOf("|");
		const hash = inner.indexOf("#");
		const end = hash >= 0 && (pipe < 0 || hash < pipe) ? hash : pipe;
		// In a table the alias bar is escaped (`[[E026\|E026]]`): the backslash is not part of the target.
		const target = end < 0 ? inner : inner.slice(0, end);
		addLink(from, from + m[0].length, target.endsWith("\\") ? target.slice(0, -1) : target, pipe < 0 && hash < 0 && text.charCodeAt(from) !== 33 /* ! */);
	}
	MARKDOWN_LINK.lastIndex = 0;
	for (let m = text.includes("](") ? MARKDOWN_LINK.exec(text) : null; m !== null; m = MARKDOWN_LINK.exec(text)) {
		const from = m.index;
		if (masked(from)) continue;
		const destination = (m[2] ?? "").trim().replace(/^<(.*)>$/, "$1").split(/\s+"/)[0] ?? "";
		addLink(from, from + m[0].length, /^[a-z][a-z0-9+.-]*:/i.test(destination) ? "" : safeDecode(destination.split("#")[0] ?? ""), false);
	}
	HTML_TAG.lastIndex = 0;
	for (let m = text.includes("<") ? HTML_TAG.exec(text) : null; m !== null; m = HTML_TAG.exec(text)) masks.push([m.index, m.index + m[0].length]);
	// Codes come in order: walk the sorted masks alongside them instead of testing every mask per code.
	masks.sort((a, b) => a[0] - b[0]);
	let reach = -1;
	let next = 0;
	// The quick pre-filter finds where a code may start; the sticky matcher confirms it there with its boundaries.
	// Scanning the line with the bounded (Unicode) matcher itself costs several times more.
	const at = options.syntax.at;
	for (let from = nextCodeCandidate(options.syntax, text); from >= 0; ) {
		at.lastIndex = from;
		const m = at.exec(text);
		if (m === null) {
			from = nextCodeCandidate(options.syntax, text, from + 1);
			continue;
		}
		from = nextCodeCandidate(options.syntax, text, from + m[0].length);
		while (next < masks.length && (masks[next]?.[0] ?? 0) <= m.index) reach = Math.max(reach, masks[next++]?.[1] ?? 0);
		if (m.index < reach || m[0] === options.selfCode || text.charCodeAt(m.index - 1) === 92 /* \ */) continue;
		// URLs and tags are checked around each code only: matching them over every cited line costs more.
		if (inUrl(text, m.index) || inTag(text, m.index)) continue;
		out.push({ code: m[0], form: "plain", from: m.index, to: m.index + m[0].length, line: 0, ch: m.index, bare: false });
	}
	return out.sort((a, b) => a.from - b.from);
}

/** The code a link target names (`E026`, `Episodes/E026`, `E026.md`), or null. */
export function codeOfTarget(target: string, syntax: CodeSyntax): string | null {
	const trimmed = target.trim();
	let name = trimmed.slice(trimmed.lastIndexOf("/") + 1);
	if (name.length > 3 && name.charCodeAt(name.length - 3) === 46 /* . */ && name.slice(-2).toLowerCase() === "md") name = name.slice(0, -3);
	return syntax.exact.test(name) ? name : null;
}

/** Whether offset `at` lies inside a URL: URLs never hold spaces or angle brackets, so only the word around it is searched. */
function inUrl(text: string, at: number): boolean {
	let start = at;
	while (start > 0 && !stopsUrl(text.charCodeAt(start - 1))) start--;
	let end = at;
	while (end < text.length && !stopsUrl(text.charCodeAt(end))) end++;
	const word = text.slice(start, end);
	if (!word.includes("://") && !word.includes("www.")) return false;
	URL.lastIndex = 0;
	for (let m = URL.exec(word); m !== null; m = URL.exec(word)) if (at - start >= m.index && at - start < m.index + m[0].length) return true;
	return false;
}

/** Whether the character at `i` may be part of a tag; ASCII is settled without the Unicode pattern. */
function isTagChar(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 47 /* / */ || c === 45; /* - */
	return TAG_CHAR.test(text[i] ?? " ");
}

/** What no URL holds: white space and angle brackets. */
function stopsUrl(c: number): boolean {
	return c === 60 /* < */ || c === 62 /* > */ || isWhiteSpace(c);
}

/** Whether offset `at` lies inside a tag (`#E007`, `#topic/E007`): a `#` not after a word character, then tag characters up to it. */
function inTag(text: string, at: number): boolean {
	if (!isTagChar(text, at)) return false;
	let i = at - 1;
	while (i >= 0 && text[i] !== "#" && isTagChar(text, i)) i--;
	if (i < 0 || text[i] !== "#") return false;
	return i === 0 || !BEFORE_TAG.test(text[i - 1] ?? " ");
}

/** Inline code spans (backtick runs closed by a run of the same length), as [from, to) columns. */
function inlineCode(text: string): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let at = text.indexOf("`");
	while (at >= 0) {
		let run = at;
		while (text[run] === "`") run++;
		const ticks = text.slice(at, run);
		let close = text.indexOf(ticks, run);
		while (close >= 0 && (text[close + ticks.length] === "`" || text[close - 1] === "`")) {
			let skip = close;
			while (text[skip] === "`") skip++;
			close = text.indexOf(ticks, skip);
		}
		if (close < 0) {
			at = text.indexOf("`", run);
			continue;
		}
		out.push([at, close + ticks.length]);
		at = text.indexOf("`", close + ticks.length);
	}
	return out;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
