/** Word-level tokens of a sentence, with their offsets, for gap detection and cross-page matching. */

/** One token: a word (letters, digits, inner apostrophes, hyphens, %), a dash, or a lone punctuation mark. */
export interface Token {
	text: string;
	lower: string;
	start: number;
	end: number;
	/** True for a dash or punctuation token that stands apart from the words around it. */
	isMark: boolean;
}

/**
 * The token grammar, as a pattern (the reference the scanner below is tested against):
 * `[\p{L}\p{N}$][\p{L}\p{N}$%'’./–-]*[\p{L}\p{N}%]|[\p{L}\p{N}$%]|[—–]|[.,;:!?]|['"‘’“”]+` with the `u` flag.
 */
export const TOKEN_PATTERN = /[\p{L}\p{N}$][\p{L}\p{N}$%'’./–-]*[\p{L}\p{N}%]|[\p{L}\p{N}$%]|[—–]|[.,;:!?]|['"‘’“”]+/gu;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Character classes, as bits of `classOf`: the scanners ask one table per character instead of several tests. */
const LN = 1;
/** `[\p{L}\p{N}$%'’./–-]`: what may stand inside a word. */
const INNER = 2;
/** A quote mark: `'"‘’“”`. */
const QUOTE = 4;
/** A sentence mark: `.,;:!?`. */
export const SENTENCE = 8;
/** A character that is a token of its own: `%`, a dash or a sentence mark. */
const LONE = 16;
/** Set once an entry of the table has been worked out. */
const KNOWN = 128;

/** Classes of the Basic Multilingual Plane, filled as characters are met (most text meets few beyond ASCII). */
const classes = new Uint8Array(0x10000);
/** Classes of code points beyond it. */
const astral = new Map<number, number>();

function computeClass(code: number): number {
	let bits = LETTER_OR_NUMBER.test(String.fromCodePoint(code)) ? LN | INNER : 0;
	if (code === 36 || code === 37 || code === 39 || code === 0x2019 || code === 46 || code === 47 || code === 0x2013 || code === 45) bits |= INNER;
	if (code === 39 || code === 34 || code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d) bits |= QUOTE;
	if (code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63) bits |= SENTENCE | LONE;
	if (code === 37 || code === 0x2014 || code === 0x2013) bits |= LONE;
	return bits;
}

/** The class bits of a code point. */
export function classOf(code: number): number {
	if (code < 0x10000) {
		let bits = classes[code]!;
		if (bits === 0) {
			bits = computeClass(code) | KNOWN;
			classes[code] = bits;
		}
		return bits;
	}
	let bits = astral.get(code);
	if (bits === undefined) {
		bits = computeClass(code);
		astral.set(code, bits);
	}
	return bits;
}

/** The code point at `i`: the UTF-16 unit itself unless it starts a surrogate pair (most text has none). */
function codeAt(text: string, i: number): number {
	const unit = text.charCodeAt(i);
	return unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) ?? unit) : unit;
}

/**
 * Walks the tokens of a text without allocating one object per token (most texts are only scanned, not kept):
 * `next()` moves to the next token and sets `start`, `end`, `isMark` and `isQuote` (a run of quote marks).
 */
export class TokenCursor {
	start = 0;
	end = 0;
	isMark = false;
	isQuote = false;
	private at = 0;

	constructor(private readonly text: string) {}

	/** The current token's text. */
	get value(): string {
		return this.text.slice(this.start, this.end);
	}

	next(): boolean {
		const text = this.text;
		const length = text.length;
		while (this.at < length) {
			const start = this.at;
			const code = codeAt(text, start);
			const width = code > 0xffff ? 2 : 1;
			const bits = classOf(code);
			if ((bits & LN) !== 0 || code === 36) {
				// A word runs to its last letter, digit or % among the characters that may stand inside one.
				let end = start + width;
				let mark = code === 36;
				for (let i = end; i < length; ) {
					const c = codeAt(text, i);
					const inner = classOf(c);
					if ((inner & INNER) === 0) break;
					const w = c > 0xffff ? 2 : 1;
					if ((inner & LN) !== 0 || c === 37) {
						end = i + w;
						if (mark && c !== 37) mark = false;
					}
					i += w;
				}
				return this.found(start, end, mark, false);
			}
			if ((bits & LONE) !== 0) return this.found(start, start + 1, true, false);
			if ((bits & QUOTE) !== 0) {
				let end = start + 1;
				while (end < length && (classOf(text.charCodeAt(end)) & QUOTE) !== 0) end++;
				return this.found(start, end, true, true);
			}
			this.at = start + width;
		}
		return false;
	}

	private found(start: number, end: number, isMark: boolean, isQuote: boolean): boolean {
		this.start = start;
		this.end = end;
		this.isMark = isMark;
		this.isQuote = isQuote;
		this.at = end;
		return true;
	}
}

/** Splits text into tokens; trailing sentence punctuation is split off words. */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	const cursor = new TokenCursor(text);
	while (cursor.next()) {
		const value = cursor.value;
		tokens.push({ text: value, lower: value.toLowerCase(), start: cursor.start, end: cursor.end, isMark: cursor.isMark });
	}
	return tokens;
}
