/** Sentence boundaries in prose, for quoting the sentence around a citation. */
import { isWhiteSpace } from "./whiteSpace";

/** The [from, to) span of the sentence of `text` that contains offset `index`, without white space at either end. */
export function sentenceSpanAt(text: string, index: number): [number, number] {
	const boundary = /[.!?]+["'”’)]*(?=\s+|$)/g;
	let start = 0;
	let end = text.length;
	for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
		const stop = m.index + m[0].length;
		if (index < stop) {
			end = stop;
			break;
		}
		start = stop;
	}
	while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
	while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
	return [start, end];
}
