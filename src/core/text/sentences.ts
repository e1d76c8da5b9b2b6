/** Sentence boundaries in prose, for quoting the sentence around a citation. */

/** The sentence of `text` that contains offset `index` (trimmed). */
export function sentenceAt(text: string, index: number): string {
	const boundary = /[.!?]+["'”’)]*(?=\s+|$)/g;
	let start = 0;
	for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
		const end = m.index + m[0].length;
		if (index < end) return text.slice(start, end).trim();
		start = end;
	}
	return text.slice(start).trim();
}
