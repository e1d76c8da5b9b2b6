/**
 * Gaps: places where the scraper dropped a hyperlinked glossary term, leaving text such as
 * `RL on .`, `a '' phase` or `half the E009`. Found by the shape of the words around them.
 */
import { isWhiteSpace } from "../text/whiteSpace";
import { classOf, SENTENCE, tokenize, TokenCursor, type Token } from "./tokens";

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
const DETERMINERS = ["a", "an", "the", "its", "their"];
const AFTER_DETERMINER = ["of", "on", "in", "at", "by", "with", "for", "from", "to", "into", "as", "than", "and", "or", "but", "a", "an", "the"];
const PREPOSITIONS = ["of", "on", "in", "at", "by", "with", "from", "into", "about", "via", "without", "between", "among", "across", "through", "during", "toward", "towards", "onto"];
const CONJUNCTIONS = ["and", "or", "but", "nor"];
const SUBJECT_PRONOUNS = ["we", "they", "i", "he", "she"];
const SUSPENDED_HYPHEN_FOLLOWERS = new Set(["and", "or", "to"]);

/** What the pair rules know of a word, as bits. */
const DETERMINER = 1;
const AFTER_DETERMINER_WORD = 2;
const PREPOSITION = 4;
const CONJUNCTION = 8;
const SUBJECT_PRONOUN = 16;
const OF = 32;
const AS = 64;

/** The longest word any rule looks up: a longer token is none of them. */
const LONGEST_RULE_WORD = 7;

/**
 * A word of up to seven ASCII letters as a number, case folded (five bits a letter, exact), or -1 for any other
 * token: the rule words are looked up by it, so scanning a text makes no string per token.
 */
function wordKey(text: string, start: number, end: number): number {
	if (end - start > LONGEST_RULE_WORD) return -1;
	let key = 0;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 65 && c <= 90) c += 32;
		if (c < 97 || c > 122) return -1;
		key = key * 32 + (c - 96);
	}
	return key;
}

/** The rule bits of each rule word, by `wordKey`. */
const WORD_BITS = new Map<number, number>();
for (const [words, bit] of [[DETERMINERS, DETERMINER], [AFTER_DETERMINER, AFTER_DETERMINER_WORD], [PREPOSITIONS, PREPOSITION], [CONJUNCTIONS, CONJUNCTION], [SUBJECT_PRONOUNS, SUBJECT_PRONOUN], [["of"], OF], [["as"], AS]] as const) {
	for (const word of words) {
		const key = wordKey(word, 0, word.length);
		WORD_BITS.set(key, (WORD_BITS.get(key) ?? 0) | bit);
	}
}

function isQuote(token: Token | undefined): boolean {
	return token !== undefined && /^['"‘’“”]+$/.test(token.text);
}

function isCode(value: string, codeMatcher: RegExp): boolean {
	codeMatcher.lastIndex = 0;
	const m = codeMatcher.exec(value);
	return m !== null && m[0] === value;
}

const EM_DASH = 0x2014;
const EN_DASH = 0x2013;

/** What the pair rules read of a token, kept in three reused slots while the text is scanned. */
interface Slot {
	start: number;
	end: number;
	isMark: boolean;
	isQuote: boolean;
	/** The rule bits of the word (0 for any other token). */
	word: number;
	/** The character code of a one-character mark, else 0. */
	mark: number;
}

function slot(): Slot {
	return { start: 0, end: 0, isMark: false, isQuote: false, word: 0, mark: 0 };
}

function isSentenceMark(mark: number): boolean {
	return mark !== 0 && (classOf(mark) & SENTENCE) !== 0;
}

function isDash(mark: number): boolean {
	return mark === EM_DASH || mark === EN_DASH;
}

/** The gap the pair (a, b) reveals (c follows b), as an insertion offset, or null. */
function pairGap(a: Slot, b: Slot, c: Slot | undefined, text: string, codeMatcher: RegExp): GapRule | null {
	if (a.isQuote || b.isQuote) return null;
	if (!a.isMark && b.isMark && isSentenceMark(b.mark) && isWhiteSpace(text.charCodeAt(b.start - 1))) return "space-before-punctuation";
	if ((a.word & DETERMINER) !== 0 && ((b.word & AFTER_DETERMINER_WORD) !== 0 || (b.isMark && (isSentenceMark(b.mark) || isDash(b.mark))) || isCode(text.slice(b.start, b.end), codeMatcher))) {
		return "determiner-without-noun";
	}
	if ((a.word & PREPOSITION) !== 0 && ((b.word & (CONJUNCTION | SUBJECT_PRONOUN)) !== 0 || isDash(b.mark) || ((a.word & OF) !== 0 && (b.word & AS) !== 0))) {
		return "preposition-without-object";
	}
	if ((a.word & CONJUNCTION) !== 0 && isDash(b.mark) && c !== undefined && (c.word & CONJUNCTION) !== 0) return "dangling-conjunction";
	return null;
}

/** Every pair rule's gap in a text, scanning its tokens once without keeping them (or making a string of any). */
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
			const key = cursor.isMark ? -1 : wordKey(text, cursor.start, cursor.end);
			c.word = key < 0 ? 0 : (WORD_BITS.get(key) ?? 0);
			c.mark = cursor.isMark && cursor.end - cursor.start === 1 ? text.charCodeAt(cursor.start) : 0;
		}
		if (a !== undefined && b !== undefined) {
			const rule = pairGap(a, b, c, text, codeMatcher);
			if (rule !== null && !found.has(b.start)) found.set(b.start, rule);
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
// The modifier rule's own words, without its word boundaries and without the `u` flag: what it can match needs
// them (under `iu`, "ſ" also matches "s": a text holding one is searched in full).
const LEVEL_TELL = /at (?:the|a|this|that) (?:level|scale)/i;
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
	if (LEVEL_TELL.test(text) || text.includes("ſ")) for (let m = modifier.exec(text); m !== null; m = modifier.exec(text)) {
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
