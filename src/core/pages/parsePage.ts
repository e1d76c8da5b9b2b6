/** Entry point for one input: checks the text is usable, recognises the page kind by structure, parses it. */
import { diagnostic, type Diagnostic } from "../diagnostics";
import { codeMatcher } from "../episodes/code";
import { contentLines, normalizeText, type NumberedLine } from "../text/normalize";
import { parseClusterPage, parseHubPage, type ParseResult } from "./cardPages";
import { isAnchorsHeading, isCardFooter, isClusterStats, isHubStats, notesCount, reviewHeaderCount } from "./lines";
import type { Page, PageKind } from "./model";
import { parseReviewPage } from "./review";

/** Options for parsing: the episode-code pattern in use. */
export interface ParseOptions {
	codePattern?: string;
}

/** Text that is not a page at all: NUL bytes, or many undecodable characters. */
function looksBinary(text: string): boolean {
	if (text.includes("\u0000")) return true;
	const replacements = text.length === 0 ? 0 : (text.match(/\uFFFD/g)?.length ?? 0);
	return replacements > 8 && replacements / text.length > 0.01;
}

/** Which kind of page these lines are, judged by their structure; null when none fits. */
export function detectPageKind(lines: NumberedLine[], codePattern?: string): PageKind | null {
	if (lines.some((l) => isHubStats(l.text))) return "hub";
	if (lines.some((l) => isClusterStats(l.text))) return "cluster";
	const hasGroups = lines.some((l) => notesCount(l.text) !== null);
	const hasFooters = lines.some((l) => isCardFooter(l.text));
	if (hasGroups && hasFooters) return /^←\s*All notes/i.test(lines[0]?.text ?? "") ? "hub" : "cluster";
	if (reviewHeaderCount(lines[0]?.text ?? "") !== undefined) return "review";
	if (lines.some((l) => isAnchorsHeading(l.text))) return "review";
	const matcher = codeMatcher(codePattern);
	const citing = lines.filter((l) => {
		matcher.lastIndex = 0;
		return l.text.length > 80 && matcher.test(l.text);
	});
	return citing.length > 0 ? "review" : null;
}

/** Parses one input file's text into a page model, or explains (naming the file) why it cannot. */
export function parsePage(file: string, raw: string, options: ParseOptions = {}): ParseResult<Page> {
	const problems: Diagnostic[] = [];
	if (looksBinary(raw)) {
		problems.push(diagnostic("binary-file", file, "error", "this is a binary file, not a text page; it was skipped"));
		return { page: null, diagnostics: problems };
	}
	const text = normalizeText(raw);
	const lines = contentLines(text);
	if (lines.length === 0) {
		problems.push(diagnostic("empty-file", file, "error", "the file is empty; it was skipped"));
		return { page: null, diagnostics: problems };
	}
	const source = { file };
	switch (detectPageKind(lines, options.codePattern)) {
		case "hub":
			return parseHubPage(lines, source);
		case "cluster":
			return parseClusterPage(lines, source);
		case "review":
			return parseReviewPage(lines, source, options.codePattern);
		default:
			problems.push(diagnostic("unrecognised-page", file, "error", "not a literature review, cluster or topic-hub page (no review header, citations, stats line or card list); it was skipped"));
			return { page: null, diagnostics: problems };
	}
}
