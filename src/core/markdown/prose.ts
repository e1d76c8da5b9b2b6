/** Scraped prose → Markdown: text escaped, episode codes as wiki links, gaps marked with footnotes. */
import type { FoundGap, Prose } from "../atlas/model";
import { findCodes } from "../episodes/code";
import { escapeMarkdown } from "./escape";

/** What prose rendering needs from the note being written. */
export interface ProseContext {
	/** The wiki link for an episode code (e.g. `[[E026]]`). */
	codeLink(code: string): string;
	/** The wiki link to a page by its input file, for citing a suggestion's source. */
	fileLink(file: string, title: string): string;
	codeMatcher: RegExp;
	/** Footnotes collected for the note; prose appends to it. */
	footnotes: string[];
}

/** The visible marker left where a scraped page lost words. */
export const GAP_MARK = "==⟨…⟩==";

function footnote(gap: FoundGap, context: ProseContext): string {
	const id = `gap${context.footnotes.length + 1}`;
	const suggestion =
		gap.suggestion === null
			? "No other page has this sentence more completely."
			: `Suggested: “${escapeMarkdown(gap.suggestion.words)}”, as ${context.fileLink(gap.suggestion.file, gap.suggestion.title)} has it.`;
	context.footnotes.push(`[^${id}]: Words missing in the scraped page (${gap.rule.replace(/-/g, " ")}). ${suggestion}`);
	return `[^${id}]`;
}

/** Renders prose; codes stay readable as written and become real links to their episode notes. */
export function renderProse(prose: Prose, context: ProseContext): string {
	const events: { index: number; code?: string; gap?: FoundGap }[] = [
		...findCodes(prose.text, context.codeMatcher).map((o) => ({ index: o.index, code: o.code })),
		...prose.gaps.map((gap) => ({ index: gap.index, gap })),
	];
	// A gap right before a code ("half the ⟨…⟩ E009") is written before the code.
	events.sort((a, b) => a.index - b.index || (a.gap !== undefined ? -1 : 1));
	let out = "";
	let at = 0;
	for (const event of events) {
		out += escapeMarkdown(prose.text.slice(at, event.index));
		at = event.index;
		if (event.code !== undefined) {
			out += context.codeLink(event.code);
			at += event.code.length;
		} else if (event.gap !== undefined) {
			out += GAP_MARK + footnote(event.gap, context);
			// Keep the marker a word of its own: "theory of ⟨…⟩ as", not "⟨…⟩as".
			if (/^[\p{L}\p{N}—–$]/u.test(prose.text.slice(at))) out += " ";
		}
	}
	return escapeBlockStart(out + escapeMarkdown(prose.text.slice(at)));
}

/** Escapes a line start that Markdown would read as a heading, quote or list item. */
export function escapeBlockStart(line: string): string {
	return /^(?:#|>|[-+*]\s|\d+[.)]\s)/.test(line) ? `\\${line}` : line;
}
