/** Line shapes shared by the page parsers: each page kind is recognised by these, never by file name. */

/** A count such as `1,204` as a number. */
export function parseCount(text: string): number {
	return Number(text.replace(/,/g, ""));
}

/** `← All clusters`, `← all topics · Glossary →` and the like. */
export function isNavLine(text: string): boolean {
	return text.startsWith("←") || (/^[^.!?]{1,60}→$/.test(text) && !isCardFooter(text));
}

/** The `View as` switcher the pages show above their lists. */
export function isViewAsLine(text: string): boolean {
	return /^View as\b/i.test(text) && text.length < 40;
}

/** `16 notes`, `1 note`: the count line under a sub-topic or section name. */
export function notesCount(text: string): number | null {
	const m = /^(\d[\d,]*) notes?$/i.exec(text);
	return m?.[1] === undefined ? null : parseCount(m[1]);
}

/** The card footer `Explore related Read →`. */
export function isCardFooter(text: string): boolean {
	return /^Explore related\b/i.test(text);
}

/** Counts in a `·`-separated stats line, by unit: `171 notes (primary) · 562 papers · 9 sub-topics`. */
export function statsCounts(text: string): Map<string, number> {
	const counts = new Map<string, number>();
	for (const part of text.split("·")) {
		const m = /^\s*(\d[\d,]*)\s+([\p{L}-]+)/u.exec(part);
		if (m?.[1] !== undefined && m[2] !== undefined) counts.set(m[2].toLowerCase().replace(/s$/, ""), parseCount(m[1]));
	}
	return counts;
}

/** A cluster page's stats line (it leads with `N notes (primary)`). */
export function isClusterStats(text: string): boolean {
	return /^\d[\d,]* notes? \(primary\)/i.test(text);
}

/** A hub page's stats line: `Topic Hub · 25 linked notes · 9 sections`. */
export function isHubStats(text: string): boolean {
	return /^Topic Hub\s*·/i.test(text);
}

/** The review header `Literature review · 6 episode(s)`; returns the declared count or null. */
export function reviewHeaderCount(text: string): number | null | undefined {
	const m = /^Literature review(?:\s*·\s*(\d[\d,]*)\s+episodes?(?:\(s\))?)?$/i.exec(text);
	if (m === null) return undefined;
	return m[1] === undefined ? null : parseCount(m[1]);
}

/** The heading over the anchoring episodes list. */
export function isAnchorsHeading(text: string): boolean {
	return /^Episodes anchoring this (?:topic|page|review)$/i.test(text);
}

/** An anchoring-episode line `- 026-some-slug`; returns its number and slug. */
export function anchorItem(text: string): { digits: string; slug: string } | null {
	const m = /^[-•*]\s*(\d{1,5})-([\p{L}\p{N}-]*)$/u.exec(text);
	return m?.[1] === undefined ? null : { digits: m[1], slug: m[2] ?? "" };
}
