/** White space as JavaScript's `\s` and `String.prototype.trim` see it, tested on a character code without a pattern. */

/** Whether a UTF-16 code unit is white space or a line terminator (what `\s` matches). */
export function isWhiteSpace(c: number): boolean {
	if (c === 32 || (c >= 9 && c <= 13)) return true;
	if (c < 160) return false;
	return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Every run of white space as one space; most texts have none to collapse and are returned without a rewrite. */
export function collapseWhiteSpace(text: string): string {
	return /[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, " ") : text;
}
