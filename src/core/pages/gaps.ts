/**
 * Gaps: places where the scraper dropped a hyperlinked glossary term, leaving text such as
 * `RL on .`, `a '' phase` or `half the E009`. Found by the shape of the words around them.
 */
import { tokenize, TokenCursor, type Token } from "./tokens";

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

function isCode(value: string, codeMatcher: RegExp): boolean {
	codeMatcher.lastIndex = 0;
	const m = codeMatcher.exec(value);
	return m !== null && m[0] === value;
}

/** The longest word any rule looks up: a longer token is never one of them, so it is not lower-cased. */
const LONGEST_RULE_WORD = 7;

/** What the pair rules read of a token, kept in three reused slots while the text is scanned. */
interface Slot {
	start: number;
	end: number;
	isMark: boolean;
	isQuote: boolean;
	/** Lower-cased text of a short token; "" for a longer one (no rule names it). */
	lower: string;
	/** The character of a one-character mark, else "". */
	mark: string;
}

function slot(): Slot {
	return { start: 0, end: 0, isMark: false, isQuote: false, lower: "", mark: "" };
}

/** The gap the pair (a, b) reveals (c follows b), as an insertion offset, or null. */
function pairGap(a: Slot, b: Slot, c: Slot | undefined, text: string, codeMatcher: RegExp): { index: number; rule: GapRule } | null {
	if (a.isQuote || b.isQuote) return null;
	const standalone = b.isMark && /\s/.test(text.charAt(b.start - 1));
	if (!a.isMark && standalone && SENTENCE_MARKS.has(b.mark)) return { index: b.start, rule: "space-before-punctuation" };
	if (DETERMINERS.has(a.lower) && (AFTER_DETERMINER.has(b.lower) || (b.isMark && (SENTENCE_MARKS.has(b.mark) || DASHES.has(b.mark))) || isCode(text.slice(b.start, b.end), codeMatcher))) {
		return { index: b.start, rule: "determiner-without-noun" };
	}
	if (PREPOSITIONS.has(a.lower) && (CONJUNCTIONS.has(b.lower) || SUBJECT_PRONOUNS.has(b.lower) || DASHES.has(b.mark) || (a.lower === "of" && b.lower === "as"))) {
		return { index: b.start, rule: "preposition-without-object" };
	}
	if (CONJUNCTIONS.has(a.lower) && DASHES.has(b.mark) && c !== undefined && CONJUNCTIONS.has(c.lower)) {
		return { index: b.start, rule: "dangling-conjunction" };
	}
	return null;
}

/** Every pair rule's gap in a text, scanning its tokens once without keeping them. */
function pairGaps(text: string, codeMatcher: RegExp, found: Map<number, GapRule>): void {
	const cursor = new TokenCursor(text);
	let a: Slot | undefined;
	let b: Slot | undefined;
	let spare = slot();
	for (;;) {
		const more = cursor.next();
		let c: Slot | undefined;
		if (more) {
			c = spare;
			c.start = cursor.start;
			c.end = cursor.end;
			c.isMark = cursor.isMark;
			c.isQuote = cursor.isQuote;
			const length = cursor.end - cursor.start;
			c.lower = length <= LONGEST_RULE_WORD ? cursor.value.toLowerCase() : "";
			c.mark = cursor.isMark && length === 1 ? text.charAt(cursor.start) : "";
		}
		if (a !== undefined && b !== undefined) {
			const gap = pairGap(a, b, c, text, codeMatcher);
			if (gap !== null && !found.has(gap.index)) found.set(gap.index, gap.rule);
		}
		if (!more) return;
		spare = a ?? slot();
		a = b;
		b = c;
	}
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

/** Every gap in a text, in order of position. */
export function findGaps(text: string, codeMatcher: RegExp): Gap[] {
	const found = new Map<number, GapRule>();
	pairGaps(text, codeMatcher, found);
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
	if (found.size === 0) return [];
	// Most texts have no gap: only those with one are tokenised, for the words around it.
	const tokens = tokenize(text);
	return [...found.entries()]
		.sort((x, y) => x[0] - y[0])
		.map(([index, rule]) => {
			const { before, after } = context(tokens, index);
			return { index, rule, before, after };
		});
}
