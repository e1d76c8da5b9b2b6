/** Text as the parsers want it: no byte-order mark, `\n` line ends, no trailing white space, NFC. */
export function normalizeText(raw: string): string {
	return raw
		.replace(/^\uFEFF/, "")
		.replace(/\r\n?/g, "\n")
		.normalize("NFC")
		.split("\n")
		.map((line) => line.replace(/[\s\u00A0]+$/u, ""))
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
		if (trimmed !== "") out.push({ text: trimmed.replace(/[ \t\u00A0]+/g, " "), line: index + 1 });
	});
	return out;
}

/** A key that treats titles differing only in spacing or Unicode form as the same (case is significant). */
export function titleKey(title: string): string {
	return title.normalize("NFC").replace(/\s+/g, " ").trim();
}
