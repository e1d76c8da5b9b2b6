/** Parsers for the two card-list page kinds: cluster pages and topic-hub pages. */
import { diagnostic, type Diagnostic } from "../diagnostics";
import type { NumberedLine } from "../text/normalize";
import { parseCardGroups } from "./cardGroups";
import { isClusterStats, isHubStats, isNavLine, isViewAsLine, statsCounts } from "./lines";
import type { ClusterPage, HubPage, PageSource } from "./model";

/** A parsed page (or null when nothing usable was found) and the findings. */
export interface ParseResult<P> {
	page: P | null;
	diagnostics: Diagnostic[];
}

interface Head {
	title: string;
	description: string;
	stats: string | null;
	body: NumberedLine[];
}

/** Splits a card page into title, description, stats line and the list below it. */
function readHead(lines: NumberedLine[], isStats: (text: string) => boolean): Head | null {
	let i = 0;
	while (i < lines.length && isNavLine(lines[i]?.text ?? "")) i++;
	const title = lines[i];
	if (title === undefined || isStats(title.text)) return null;
	i++;
	const statsAt = lines.findIndex((l, j) => j >= i && isStats(l.text));
	const descriptionEnd = statsAt === -1 ? Math.min(i + 1, lines.length) : statsAt;
	const description = lines
		.slice(i, descriptionEnd)
		.filter((l) => !isViewAsLine(l.text))
		.map((l) => l.text)
		.join(" ");
	const bodyStart = statsAt === -1 ? descriptionEnd : statsAt + 1;
	return { title: title.text, description, stats: statsAt === -1 ? null : (lines[statsAt]?.text ?? null), body: lines.slice(bodyStart) };
}

function noGroups(file: string, what: string): Diagnostic {
	return diagnostic("truncated-page", file, "error", `the ${what} page lists no sub-topics or sections; the file looks cut or is not a ${what} page`);
}

/** Reads a cluster page: title, description, stats, sub-topics with their question cards. */
export function parseClusterPage(lines: NumberedLine[], source: PageSource): ParseResult<ClusterPage> {
	const head = readHead(lines, isClusterStats);
	if (head === null) return { page: null, diagnostics: [noGroups(source.file, "cluster")] };
	const { groups, diagnostics } = parseCardGroups(head.body, source.file);
	if (groups.length === 0) return { page: null, diagnostics: [...diagnostics, noGroups(source.file, "cluster")] };
	const counts = head.stats === null ? new Map<string, number>() : statsCounts(head.stats);
	if (head.stats === null) diagnostics.push(diagnostic("missing-stats", source.file, "warning", "no stats line (`N notes (primary) · …`) was found"));
	return {
		page: {
			kind: "cluster",
			source,
			title: head.title,
			description: head.description,
			declaredNotes: counts.get("note") ?? null,
			declaredPapers: counts.get("paper") ?? null,
			declaredGroups: counts.get("sub-topic") ?? counts.get("subtopic") ?? null,
			groups,
		},
		diagnostics,
	};
}

/** Reads a topic-hub page: title, description, stats, sections with their question cards. */
export function parseHubPage(lines: NumberedLine[], source: PageSource): ParseResult<HubPage> {
	const head = readHead(lines, isHubStats);
	if (head === null) return { page: null, diagnostics: [noGroups(source.file, "hub")] };
	const { groups, diagnostics } = parseCardGroups(head.body, source.file);
	if (groups.length === 0) return { page: null, diagnostics: [...diagnostics, noGroups(source.file, "hub")] };
	const counts = head.stats === null ? new Map<string, number>() : statsCounts(head.stats.replace(/^Topic Hub\s*·/i, ""));
	return {
		page: {
			kind: "hub",
			source,
			title: head.title,
			description: head.description,
			declaredNotes: counts.get("linked") ?? counts.get("note") ?? null,
			declaredGroups: counts.get("section") ?? null,
			groups,
		},
		diagnostics,
	};
}
