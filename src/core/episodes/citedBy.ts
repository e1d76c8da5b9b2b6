/** The generated "Cited by" section of an episode note, between markers so the user's text around it is never touched. */
import type { CitationGroup } from "./citationIndex";
import { applyTextEdits, unlinkCodesEdits } from "./codeEdits";
import type { CodeSyntax } from "./code";
import { CITED_BY_END_PREFIX, CITED_BY_START_PREFIX } from "./markdownLines";

/** Opening marker; the citation scan skips everything up to the closing marker. */
export const CITED_BY_START = `${CITED_BY_START_PREFIX} — generated; your text above and below is kept %%`;
/** Closing marker. */
export const CITED_BY_END = `${CITED_BY_END_PREFIX} %%`;

/** The section for a code, markers included; `linkText` gives the link text Obsidian would use for a path. */
export function renderCitedBy(groups: CitationGroup[], syntax: CodeSyntax, linkText: (path: string) => string): string {
	const passages = groups.reduce((n, g) => n + g.citations.length, 0);
	const lines = [CITED_BY_START, "## Cited by", ""];
	if (groups.length === 0) lines.push("Not cited in any note yet.");
	else lines.push(`Cited in ${plural(groups.length, "note")} (${plural(passages, "passage")}).`);
	for (const group of groups) {
		const link = linkText(group.path);
		lines.push("", `### [[${link}]]`, "");
		for (const citation of group.citations) {
			// Quoted codes stay plain: a quote must not add links (or citations) of its own.
			const quote = applyTextEdits(citation.sentence, unlinkCodesEdits(citation.sentence, syntax));
			const heading = citation.headings[citation.headings.length - 1];
			const anchor = citation.blockId !== undefined ? `#^${citation.blockId}` : heading !== undefined ? `#${heading.replace(/[#|^[\]]/g, " ").trim()}` : "";
			const label = heading ?? `line ${citation.line}`;
			lines.push(`- ${quote} ([[${link}${anchor}|${label.replace(/[|[\]]/g, " ")}]])`);
		}
	}
	lines.push(CITED_BY_END);
	return lines.join("\n");
}

/** The note with its section replaced (or appended at the end when it has none); null removes the section. */
export function applyCitedBy(note: string, section: string | null): string {
	const region = findCitedBy(note);
	if (region === null) {
		if (section === null) return note;
		const body = note.replace(/\s*$/, "");
		return `${body}${body === "" ? "" : "\n\n"}${section}\n`;
	}
	if (section !== null) return note.slice(0, region.from) + section + note.slice(region.to);
	const before = note.slice(0, region.from).replace(/\s*$/, "");
	const after = note.slice(region.to).replace(/^\s*/, "");
	return before + (after === "" ? "\n" : `\n\n${after}`);
}

/** Offsets of the section, markers included ([from, to)), or null when the note has none or its end marker is missing. */
export function findCitedBy(note: string): { from: number; to: number } | null {
	const start = lineStartOf(note, CITED_BY_START_PREFIX);
	if (start < 0) return null;
	const endLine = lineStartOf(note, CITED_BY_END_PREFIX, start);
	if (endLine < 0) return null;
	const endBreak = note.indexOf("\n", endLine);
	return { from: start, to: endBreak < 0 ? note.length : endBreak };
}

function lineStartOf(note: string, prefix: string, from = 0): number {
	for (let at = note.indexOf(prefix, from); at >= 0; at = note.indexOf(prefix, at + 1)) {
		const lineStart = note.lastIndexOf("\n", at - 1) + 1;
		if (note.slice(lineStart, at).trim() === "") return lineStart;
	}
	return -1;
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
