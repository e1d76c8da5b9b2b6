/** Parser for literature-review (topic) pages. */
import { diagnostic, type Diagnostic } from "../diagnostics";
import { codeFromNumber, codeMatcher } from "../episodes/code";
import type { NumberedLine } from "../text/normalize";
import type { ParseResult } from "./cardPages";
import { anchorItem, isAnchorsHeading, isNavLine, reviewHeaderCount } from "./lines";
import type { AnchorEpisode, Paragraph, ReviewPage, ReviewSection, PageSource } from "./model";

const MAX_HEADING_LENGTH = 120;
const MAX_HEADING_WORDS = 16;

/** A line that reads as a heading: short, no sentence-ending punctuation, no episode code. */
export function isHeadingLike(text: string, matcher: RegExp): boolean {
	matcher.lastIndex = 0;
	return (
		text.length <= MAX_HEADING_LENGTH &&
		text.split(" ").length <= MAX_HEADING_WORDS &&
		!/[.!?:;,"”'’)]$/.test(text) &&
		!text.startsWith("- ") &&
		!matcher.test(text)
	);
}

/** True when a paragraph ends the way a finished sentence does (or with a citation). */
function endsCleanly(text: string, matcher: RegExp): boolean {
	if (/[.!?"”'’)]$/.test(text)) return true;
	const lastWord = text.split(" ").pop() ?? "";
	matcher.lastIndex = 0;
	return matcher.test(lastWord);
}

/** Reads a review: header count, title (or a derived one), sections of paragraphs, anchoring episodes. */
export function parseReviewPage(lines: NumberedLine[], source: PageSource, codePattern?: string): ParseResult<ReviewPage> {
	const matcher = codeMatcher(codePattern);
	const diagnostics: Diagnostic[] = [];
	let i = 0;
	let declaredEpisodes: number | null = null;
	const header = reviewHeaderCount(lines[0]?.text ?? "");
	if (header !== undefined) {
		declaredEpisodes = header;
		i++;
	}
	const body = lines.slice(i).filter((l) => !isNavLine(l.text));
	let j = 0;
	let title: string | null = null;
	const first = body[0];
	const second = body[1];
	if (first !== undefined && isHeadingLike(first.text, matcher) && !isAnchorsHeading(first.text)) {
		if (second === undefined || isHeadingLike(second.text, matcher) || isAnchorsHeading(second.text)) {
			title = first.text;
			j = 1;
		}
	}

	const sections: ReviewSection[] = [];
	const anchors: AnchorEpisode[] = [];
	let current: ReviewSection | null = null;
	let inAnchors = false;
	let lastAnchor: AnchorEpisode | null = null;
	for (; j < body.length; j++) {
		const line = body[j];
		if (line === undefined) continue;
		if (isAnchorsHeading(line.text)) {
			inAnchors = true;
			continue;
		}
		if (inAnchors) {
			const item = anchorItem(line.text);
			if (item !== null) {
				lastAnchor = { code: codeFromNumber(item.digits), slug: `${item.digits}-${item.slug}`, summary: "", line: line.line };
				anchors.push(lastAnchor);
			} else if (lastAnchor !== null) {
				lastAnchor.summary = lastAnchor.summary === "" ? line.text : `${lastAnchor.summary} ${line.text}`;
			} else {
				diagnostics.push(diagnostic("stray-anchor-text", source.file, "warning", `unexpected text in the episodes list was skipped: "${line.text}"`, line.line));
			}
			continue;
		}
		if (isHeadingLike(line.text, matcher)) {
			current = { heading: line.text, paragraphs: [], line: line.line };
			sections.push(current);
			continue;
		}
		const paragraph: Paragraph = { text: line.text, line: line.line };
		if (current === null) {
			current = { heading: "", paragraphs: [], line: line.line };
			sections.push(current);
		}
		current.paragraphs.push(paragraph);
	}

	const paragraphCount = sections.reduce((n, s) => n + s.paragraphs.length, 0);
	if (paragraphCount === 0 && anchors.length === 0) {
		diagnostics.push(diagnostic("truncated-page", source.file, "error", "the review has no paragraphs and no episodes; the file looks cut or is not a review page"));
		return { page: null, diagnostics };
	}
	const firstHeading = sections.find((s) => s.heading !== "")?.heading;
	let titleDerived = false;
	if (title === null) {
		titleDerived = true;
		title = firstHeading ?? "Untitled literature review";
		diagnostics.push(diagnostic("derived-title", source.file, "info", `the page has no title line; titled "${title}" after its first section heading`));
	}
	const lastParagraph = sections.flatMap((s) => s.paragraphs).pop();
	if (anchors.length === 0 && lastParagraph !== undefined && !endsCleanly(lastParagraph.text, matcher)) {
		diagnostics.push(diagnostic("truncated-text", source.file, "warning", "the last paragraph stops mid-sentence; the page looks cut", lastParagraph.line));
	}
	if (inAnchors && anchors.length === 0) {
		const declared = declaredEpisodes === null ? "" : ` (the header declares ${declaredEpisodes})`;
		diagnostics.push(diagnostic("cut-anchor-list", source.file, "warning", `"Episodes anchoring this topic" lists no episodes${declared}; the page was cut there`));
	}
	return { page: { kind: "review", source, title, titleDerived, declaredEpisodes, sections, anchors }, diagnostics };
}
