/** The import report note: what was read, written, skipped and why, and every gap found. */
import type { Linker } from "../atlas/links";
import type { Atlas, Prose } from "../atlas/model";
import { INDEX_IDS } from "../atlas/notes";
import { escapeMarkdown, inlineCode } from "../markdown/escape";
import { plural } from "../markdown/counts";
import { quotedRegion } from "../markdown/quotedRegion";
import type { WriteSummary } from "../vault/planWrites";

function snippet(prose: Prose, index: number): string {
	const before = prose.text.slice(Math.max(0, index - 40), index);
	const after = prose.text.slice(index, index + 30);
	// The marker stands as a word of its own, as in the note: "theory of ⟨…⟩ as", not "⟨…⟩as".
	const space = /^[\p{L}\p{N}—–$]/u.test(after) ? " " : "";
	return `…${escapeMarkdown(before.replace(/^\S*\s/, ""))}⟨…⟩${space}${escapeMarkdown(after.replace(/\s\S*$/, ""))}…`;
}

function gapRows(atlas: Atlas, linker: Linker): string[] {
	const rows: string[] = [];
	const byFile = new Map<string, string>([...atlas.reviews.map((r): [string, string] => [r.file, r.id]), ...atlas.collections.flatMap((c) => c.files.map((f): [string, string] => [f, c.id]))]);
	const sourceLink = (file: string, title: string): string => {
		const id = byFile.get(file);
		return (id === undefined ? escapeMarkdown(title) : linker.link(id, title)).replace(/\|/g, "\\|");
	};
	const add = (id: string, title: string, prose: Prose): void => {
		for (const gap of prose.gaps) {
			const suggestion = gap.suggestion === null ? "—" : `“${escapeMarkdown(gap.suggestion.words)}”, from ${sourceLink(gap.suggestion.file, gap.suggestion.title)} (${inlineCode(gap.suggestion.file)})`;
			rows.push(`| ${linker.link(id, title)} | ${snippet(prose, gap.index).replace(/\|/g, "\\|")} | ${suggestion} |`);
		}
	};
	for (const r of atlas.reviews) for (const s of r.sections) for (const p of s.paragraphs) add(r.id, r.title, p.prose);
	for (const c of atlas.collections) add(c.id, c.title, c.description);
	for (const q of atlas.questions.values()) for (const d of q.descriptions) add(q.id, q.title, d.text);
	return rows;
}

/** Renders the report body from the atlas and the write plan for every other note. */
export function renderReport(atlas: Atlas, linker: Linker, actions: readonly WriteSummary[], noteCount: number): string {
	const count = (kind: WriteSummary["kind"]): number => actions.filter((a) => a.kind === kind).length;
	const read = atlas.pages.filter((p) => p.kind !== null).length;
	const rejected = atlas.pages.length - read;
	const lines: string[] = [
		`${plural(atlas.pages.length, "file")} read: ${plural(read, "page")} imported${rejected > 0 ? `, ${rejected} rejected` : ""}. ${plural(noteCount, "note")} in the atlas: ${count("create")} created, ${count("update")} updated, ${count("unchanged")} unchanged, ${count("kept")} kept with your edits${count("update-frontmatter") > 0 ? `, ${count("update-frontmatter")} with their generated properties refreshed around your edits` : ""}.`,
		"",
		`See ${linker.link(INDEX_IDS.clusters, "All clusters")}, ${linker.link(INDEX_IDS.topics, "All topics")} and ${linker.link(INDEX_IDS.episodes, "All episodes")}.`,
		"",
		"## Pages read",
		"",
		"| File | Kind | Title |",
		"| --- | --- | --- |",
		...atlas.pages.map((p) => `| ${inlineCode(p.file)} | ${p.kind ?? "**rejected**"} | ${p.title === null ? "—" : escapeMarkdown(p.title)} |`),
		"",
		"## Problems and notices",
		"",
	];
	if (atlas.diagnostics.length === 0) lines.push("None.");
	for (const d of atlas.diagnostics) lines.push(`- **${d.severity}** (${d.code}): ${escapeMarkdown(d.message)}`);
	const edited = actions.filter((a) => a.kind === "kept" || a.kind === "update-frontmatter" || (a.kind === "update" && a.reason !== undefined));
	lines.push("", "## Notes you edited", "");
	if (edited.length === 0) lines.push("None.");
	for (const k of edited) lines.push(`- ${inlineCode(k.path)}: ${k.kind === "update" ? `updated; ${k.reason ?? ""}` : (k.reason ?? "")}`);
	const gaps = gapRows(atlas, linker);
	lines.push("", `## Gaps in the scraped text (${gaps.length})`, "");
	if (gaps.length === 0) lines.push("None found.");
	// The contexts quote passages: between markers, the citation index does not count the report as citing their codes.
	else lines.push("Where a hyperlinked term was lost in scraping. Suggestions come from other pages that kept the same sentence; nothing was rewritten.", "", ...quotedRegion(["| Note | Context | Suggestion |", "| --- | --- | --- |", ...gaps]));
	return lines.join("\n");
}
