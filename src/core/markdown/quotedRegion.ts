/**
 * Regions of generated notes that quote or list episode codes (an episode note's "Cited in" passages, the episode
 * index, the import report's gap contexts). They sit between comment markers so the citation index does not count
 * a quote or a listing as a note citing the episode: counts beside codes stay the number of passages that cite it.
 */
import { QUOTED_END_PREFIX, QUOTED_START_PREFIX } from "../episodes/markdownLines";

/** Opening marker: an Obsidian comment, hidden in reading view and Live Preview. */
export const QUOTED_START = `${QUOTED_START_PREFIX}: quotes and listings, not citations %%`;
/** Closing marker. */
export const QUOTED_END = `${QUOTED_END_PREFIX} %%`;

/** `lines` between the markers, a blank line from each (a table or list after a comment line still reads as one). */
export function quotedRegion(lines: string[]): string[] {
	return [QUOTED_START, "", ...lines, "", QUOTED_END];
}
