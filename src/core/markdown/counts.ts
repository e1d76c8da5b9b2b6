/** Wording for declared-versus-listed counts ("83 of 171 notes listed"). */

/** `n noun` with the plural where needed. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
	return `${n.toLocaleString("en-US")} ${n === 1 ? noun : nouns}`;
}

/** "83 of 171 notes listed" when the page declared more than it listed, else "16 notes". */
export function listedOf(listed: number, declared: number | null, noun: string, nouns = `${noun}s`): string {
	if (declared === null || declared === listed) return plural(listed, noun, nouns);
	return `${listed.toLocaleString("en-US")} of ${plural(declared, noun, nouns)} listed`;
}
