/** Section order: section notes' `order` then by name (default), by name, by size, or named sections first. */
import { compareTitles } from "./cardOrder";
import type { SectionOrder } from "./hubSpec";
import type { SectionDraft } from "./sectionDraft";

function byDefault(a: SectionDraft, b: SectionDraft): number {
	if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
	if (a.rank !== null && b.rank === null) return -1;
	if (a.rank === null && b.rank !== null) return 1;
	return compareTitles(a.heading, b.heading);
}

/** Orders sections; the section of notes that fit nowhere else always comes last. */
export function orderSections(drafts: readonly SectionDraft[], order: SectionOrder): SectionDraft[] {
	const compare =
		order === "title"
			? (a: SectionDraft, b: SectionDraft) => compareTitles(a.heading, b.heading)
			: order === "size"
				? (a: SectionDraft, b: SectionDraft) => b.members.length - a.members.length || byDefault(a, b)
				: byDefault;
	const named = Array.isArray(order) ? order.map((name) => name.toLowerCase()) : [];
	const position = (d: SectionDraft): number => {
		const at = named.findIndex((name) => name === d.heading.toLowerCase() || name === d.key.toLowerCase());
		return at === -1 ? named.length : at;
	};
	return [...drafts].sort((a, b) => Number(a.rest) - Number(b.rest) || position(a) - position(b) || compare(a, b));
}
