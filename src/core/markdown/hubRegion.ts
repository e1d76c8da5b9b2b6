/** The generated part of a topic hub: header, then per section a heading, a count and cards, between markers. */
import { escapeMarkdown } from "./escape";
import { listedOf } from "./counts";

/** Opening marker of the generated region; text outside the markers belongs to the user. */
export const HUB_START = "%% research-atlas:hub start — generated; your text above and below is kept %%";
/** Closing marker of the generated region. */
export const HUB_END = "%% research-atlas:hub end %%";

/** One card: a wiki link and the note's one-line description. */
export interface HubCard {
	link: string;
	description: string;
}

/** One section: its heading (plain or a link to a section note), its declared count and its cards. */
export interface HubSection {
	heading: string;
	link?: string;
	declared: number | null;
	cards: HubCard[];
}

/** What the region shows. */
export interface HubRegion {
	declaredNotes: number | null;
	declaredSections: number | null;
	sections: HubSection[];
}

/** Renders the region, markers included. */
export function renderHubRegion(region: HubRegion): string {
	const linked = new Set(region.sections.flatMap((s) => s.cards.map((c) => c.link))).size;
	const lines = [
		HUB_START,
		`Topic Hub · ${listedOf(linked, region.declaredNotes, "linked note")} · ${listedOf(region.sections.length, region.declaredSections, "section")}`,
		"",
	];
	for (const section of region.sections) {
		lines.push(`## ${section.link ?? escapeMarkdown(section.heading)}`, "");
		lines.push(listedOf(section.cards.length, section.declared, "note"), "");
		if (section.cards.length === 0 && (section.declared ?? 0) > 0) lines.push("*Declared on the page, but none listed.*", "");
		for (const card of section.cards) lines.push(`- ${card.link}${card.description === "" ? "" : ` — ${escapeMarkdown(card.description)}`}`);
		if (section.cards.length > 0) lines.push("");
	}
	lines.push(HUB_END);
	return lines.join("\n");
}

/** Splits a hub note's text around its region; null when the markers are missing or out of order. */
export function findHubRegion(text: string): { before: string; region: string; after: string } | null {
	const start = text.indexOf(HUB_START.slice(0, 28));
	const end = text.indexOf(HUB_END);
	if (start === -1 || end === -1 || end < start) return null;
	return { before: text.slice(0, start), region: text.slice(start, end + HUB_END.length), after: text.slice(end + HUB_END.length) };
}
