/**
 * Gaps: places where the scraper dropped a hyperlinked glossary term, leaving text such as
 * `RL on .`, `a '' phase` or `half the E009`. Found by the shape of the words around them.
 */
import { tokenize, type Token } from "./tokens";

/** One gap in a text: where the missing words belong and which rule found it. */
export interface Gap {
	/** Offset in the text where the missing words would go. */
	index: number;
	rule: GapRule;
	/** Up to four lower-case tokens before the gap and three after, for matching against other pages. */
	before: string[];
	after: string[];
}

/** The shapes that reveal a gap. */
export type GapRule =
	| "space-before-punctuation"
	| "empty-quotes"
	| "determiner-without-noun"
	| "preposition-without-object"
	| "dangling-conjunction"
	| "dangling-hyphen"
	| "missing-modifier";

// Only true determiners: "this", "each" and the like also stand as pronouns ("tests this by running").
const DETERMINERS = new Set(["a", "an", "the", "its", "their"]);
const AFTER_DETERMINER = new Set(["of", "on", "in", "at", "by", "with", "for", "from", "to", "into", "as", "than", "and", "or", "but", "a", "an", "the"]);
const PREPOSITIONS = new Set(["of", "on", "in", "at", "by", "with", "from", "into", "about", "via", "without", "between", "among", "across", "through", "during", "toward", "towards", "onto"]);
const CONJUNCTIONS = new Set(["and", "or", "but", "nor"]);
const SUBJECT_PRONOUNS = new Set(["we", "they", "i", "he", "she"]);
const SENTENCE_MARKS = new Set([".", ",", ";", ":", "!", "?"]);
const DASHES = new Set(["—", "–"]);
const SUSPENDED_HYPHEN_FOLLOWERS = new Set(["and", "or", "to"]);

function isQuote(token: Token | undefined): boolean {
	return token !== undefined && /^['"‘’“”]+$/.test(token.text);
}

function isCode(token: Token, codeMatcher: RegExp): boolean {
	codeMatcher.lastIndex = 0;
	const m = codeMatcher.exec(token.text);
	return m !== null && m[0] === token.text;
}

/** The gap the pair (token i, token i+1) reveals, as an insertion offset, or null. */
function pairGap(tokens: Token[], i: number, text: string, codeMatcher: RegExp): { index: number; rule: GapRule } | null {
	const a = tokens[i];
	const b = tokens[i + 1];
	if (a === undefined || b === undefined || isQuote(a) || isQuote(b)) return null;
	const standalone = b.isMark && /\s/.test(text.charAt(b.start - 1));
	if (!a.isMark && standalone && SENTENCE_MARKS.has(b.text)) return { index: b.start, rule: "space-before-punctuation" };
	if (DETERMINERS.has(a.lower) && (AFTER_DETERMINER.has(b.lower) || (b.isMark && (SENTENCE_MARKS.has(b.text) || DASHES.has(b.text))) || isCode(b, codeMatcher))) {
		return { index: b.start, rule: "determiner-without-noun" };
	}
	if (PREPOSITIONS.has(a.lower) && (CONJUNCTIONS.has(b.lower) || SUBJECT_PRONOUNS.has(b.lower) || DASHES.has(b.text) || (a.lower === "of" && b.lower === "as"))) {
		return { index: b.start, rule: "preposition-without-object" };
	}
	const c = tokens[i + 2];
	if (CONJUNCTIONS.has(a.lower) && DASHES.has(b.text) && c !== undefined && CONJUNCTIONS.has(c.lower)) {
		return { index: b.start, rule: "dangling-conjunction" };
	}
	return null;
}

function context(tokens: Token[], index: number): { before: string[]; after: string[] } {
	const usable = tokens.filter((t) => !isQuote(t));
	const before = usable.filter((t) => t.end <= index).slice(-4).map((t) => t.lower);
	const after = usable.filter((t) => t.start >= index).slice(0, 3).map((t) => t.lower);
	return { before, after };
}

const QUOTE_TELL = /['"‘“][\s,.;:]*['"’”]/;
const LEVEL_TELL = /level|scale/i;
const HYPHEN_TELL = /-\s/;

/** Every gap in a text, in order of position; `tokens` when the caller already has the text's tokens. */
export function findGaps(text: string, codeMatcher: RegExp, tokens: Token[] = tokenize(text)): Gap[] {
	const found = new Map<number, GapRule>();
	for (let i = 0; i < tokens.length - 1; i++) {
		const gap = pairGap(tokens, i, text, codeMatcher);
		if (gap !== null && !found.has(gap.index)) found.set(gap.index, gap.rule);
	}
	// Each pattern below runs only on texts that hold its cheap tell: the Unicode-aware scans are most of the cost.
	const emptyQuotes = /(^|[\s(])(['"‘“])\s*[,.;:]?\s*(['"’”])(?=[\s,.;:—–)]|$)/gu;
	if (QUOTE_TELL.test(text)) for (let m = emptyQuotes.exec(text); m !== null; m = emptyQuotes.exec(text)) {
		found.set(m.index + (m[1]?.length ?? 0) + 1, "empty-quotes");
	}
	// "At the level, …": a level or scale is always a level *of* something or an X level; the X was a link.
	const modifier = /\bat (?:the|a|this|that) (?=(?:level|scale)\b(?!\s+of\b))/giu;
	if (LEVEL_TELL.test(text)) for (let m = modifier.exec(text); m !== null; m = modifier.exec(text)) {
		if (!found.has(m.index + m[0].length)) found.set(m.index + m[0].length, "missing-modifier");
	}
	const hyphen = /[\p{L}\p{N}]-\s+([\p{L}]+)/gu;
	if (HYPHEN_TELL.test(text)) for (let m = hyphen.exec(text); m !== null; m = hyphen.exec(text)) {
		if (!SUSPENDED_HYPHEN_FOLLOWERS.has((m[1] ?? "").toLowerCase())) found.set(m.index + 2, "dangling-hyphen");
	}
	return [...found.entries()]
		.sort((x, y) => x[0] - y[0])
		.map(([index, rule]) => ({ index, rule, ...context(tokens, index) }));
}
