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

const TOKEN = /[\p{L}\p{N}$][\p{L}\p{N}$%'’./–-]*[\p{L}\p{N}%]|[\p{L}\p{N}$%]|[—–]|[.,;:!?]|['"‘’“”]+/gu;

/** True for a token whose first character is an ASCII letter or digit (most words: no Unicode test needed). */
function startsAsciiWord(value: string): boolean {
	const code = value.charCodeAt(0);
	return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Splits text into tokens; trailing sentence punctuation is split off words. */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
		const value = m[0];
		const isMark = !startsAsciiWord(value) && !/[\p{L}\p{N}]/u.test(value);
		tokens.push({ text: value, lower: value.toLowerCase(), start: m.index, end: m.index + value.length, isMark });
	}
	return tokens;
}
