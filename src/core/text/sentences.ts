/** Sentence boundaries in prose, for quoting the sentence around a citation. */
import { isWhiteSpace } from "./whiteSpace";

/** Where a sentence ends: `.`, `!` or `?`, then any closing quotes or brackets, before white space or the end. */
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s|$)/g;

/** Every sentence's [from, to) span, in order, white space included; the last runs to the end of the text. */
export function sentenceSpans(text: string): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	const boundary = new RegExp(SENTENCE_END);
	let start = 0;
	for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
		const end = m.index + m[0].length;
		out.push([start, end]);
		start = end;
	}
	if (start < text.length || out.length === 0) out.push([start, text.length]);
	return out;
}

/** The first span ending after `offset`, else the last one (an offset past the text belongs to its last sentence). */
export function spanHolding(spans: Array<[number, number]>, offset: number): [number, number] | undefined {
	return spans.find(([, end]) => offset < end) ?? spans[spans.length - 1];
}

/** `[from, to)` without the white space at either end (what `trim` would cut, without making the trimmed string). */
export function trimmedSpan(text: string, from: number, to: number): [number, number] {
	let start = from;
	let end = to;
	while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
	while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
	return [start, end];
}

/** The [from, to) span of the sentence of `text` holding `offset`, white space included. */
export function sentenceSpan(text: string, offset: number): [number, number] {
	return spanHolding(sentenceSpans(text), offset) ?? [0, text.length];
}

/** The [from, to) span of the sentence of `text` that contains offset `index`, without white space at either end. */
export function sentenceSpanAt(text: string, index: number): [number, number] {
	return trimmedSpan(text, ...sentenceSpan(text, index));
}
