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
const nonAscii = new Map<number, boolean>();

/** True for a letter or number code point (ASCII decided by range, the rest by the Unicode pattern, remembered). */
function isLN(code: number): boolean {
	if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
	let known = nonAscii.get(code);
	if (known === undefined) {
		known = LETTER_OR_NUMBER.test(String.fromCodePoint(code));
		nonAscii.set(code, known);
	}
	return known;
}

/** The code point at `i`: the UTF-16 unit itself unless it starts a surrogate pair (most text has none). */
function codeAt(text: string, i: number): number {
	const unit = text.charCodeAt(i);
	return unit >= 0xd800 && unit <= 0xdbff ? (text.codePointAt(i) ?? unit) : unit;
}

/** `[\p{L}\p{N}$%'’./–-]`: what may stand inside a word. */
function isInner(code: number): boolean {
	return code === 36 || code === 37 || code === 39 || code === 0x2019 || code === 46 || code === 47 || code === 0x2013 || code === 45 || isLN(code);
}

function isQuoteCode(code: number): boolean {
	return code === 39 || code === 34 || code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d;
}

function isSentenceMark(code: number): boolean {
	return code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63;
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
			if (isLN(code) || code === 36) {
				// A word runs to its last letter, digit or % among the characters that may stand inside one.
				let end = start + width;
				let mark = code === 36;
				for (let i = end; i < length; ) {
					const c = codeAt(text, i);
					if (!isInner(c)) break;
					const w = c > 0xffff ? 2 : 1;
					if (c === 37 || isLN(c)) {
						end = i + w;
						if (mark && c !== 37) mark = false;
					}
					i += w;
				}
				return this.found(start, end, mark, false);
			}
			if (code === 37 || code === 0x2014 || code === 0x2013 || isSentenceMark(code)) return this.found(start, start + 1, true, false);
			if (isQuoteCode(code)) {
				let end = start + 1;
				while (end < length && isQuoteCode(text.charCodeAt(end))) end++;
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
