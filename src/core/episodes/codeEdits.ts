/** Rewrites between plain codes and links to episode notes (`E026` ⇄ `[[E026]]`), as edits an editor can apply and undo. */
import type { CodeSyntax } from "./code";
import { findMentions } from "./mentions";

/** Replace `text.slice(from, to)` with `insert`. */
export interface TextEdit {
	from: number;
	to: number;
	insert: string;
}

/** Edits turning every plain code into a wiki link; `selfCode` (an episode note's own code) is left alone. */
export function linkCodesEdits(text: string, syntax: CodeSyntax, selfCode?: string): TextEdit[] {
	return findMentions(text, { syntax, ...(selfCode === undefined ? {} : { selfCode }) })
		.filter((m) => m.form === "plain")
		.map((m) => ({ from: m.from, to: m.to, insert: `[[${m.code}]]` }));
}

/** Edits turning every bare link to an episode note (`[[E026]]`, `[[Episodes/E026]]`) back into the plain code. */
export function unlinkCodesEdits(text: string, syntax: CodeSyntax): TextEdit[] {
	return findMentions(text, { syntax })
		.filter((m) => m.form === "link" && m.bare)
		.map((m) => ({ from: m.from, to: m.to, insert: m.code }));
}

/** Applies non-overlapping edits to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
	let out = "";
	let at = 0;
	for (const edit of [...edits].sort((a, b) => a.from - b.from)) {
		out += text.slice(at, edit.from) + edit.insert;
		at = edit.to;
	}
	return out + text.slice(at);
}
