import { collapseWhiteSpace } from "./whiteSpace";

/** Tabs, no-break spaces or runs of spaces: what a content line has collapsed to single spaces. */
const UNEVEN_SPACING = /[\t\u00A0]| {2}/;

/** Text as the parsers want it: no byte-order mark, `\n` line ends, no trailing white space, NFC. */
export function normalizeText(raw: string): string {
	return raw
		.replace(/^\uFEFF/, "")
		.replace(/\r\n?/g, "\n")
		.normalize("NFC")
		.split("\n")
		// `trimEnd` removes what `[\s\u00A0]+$` matches (no-break space is white space to both), without a pattern.
		.map((line) => line.trimEnd())
		.join("\n");
}

/** The non-blank lines of a normalized text, each with its 1-based line number in the input. */
export interface NumberedLine {
	text: string;
	line: number;
}

/** Splits text into its non-blank lines; blank-line variations carry no meaning in these pages. */
export function contentLines(normalized: string): NumberedLine[] {
	const out: NumberedLine[] = [];
	normalized.split("\n").forEach((text, index) => {
		const trimmed = text.trim();
		if (trimmed !== "") out.push({ text: UNEVEN_SPACING.test(trimmed) ? trimmed.replace(/[ \t\u00A0]+/g, " ") : trimmed, line: index + 1 });
	});
	return out;
}

/** A key that treats titles differing only in spacing or Unicode form as the same (case is significant). */
export function titleKey(title: string): string {
	return collapseWhiteSpace(title.normalize("NFC")).trim();
}
