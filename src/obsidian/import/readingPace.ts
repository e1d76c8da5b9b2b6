/** How a long import reads its pages on Obsidian's own thread without freezing it: in slices, with the notice kept current. */
import type { Notice } from "obsidian";
import type { PageHook } from "../../core";

/** How long the import reads pages before it lets Obsidian draw and handle input again. */
export const READING_SLICE_MS = 30;

/** Yields to the window's event loop (a task, not an animation frame: those stop while the window is hidden). */
function yieldToWindow(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}

/**
 * An `onPageRead` hook for a long import: about every slice it tells `notice` how many pages are read and yields, so
 * the notice shows it and the app stays responsive; after the last page it says the gaps are being looked for.
 */
export function readingPace(notice: Notice, now: () => number = Date.now, pause: () => Promise<void> = yieldToWindow): PageHook {
	let sliceStart = now();
	return (read, pages) => {
		const last = read === pages;
		if (!last && now() - sliceStart < READING_SLICE_MS) return undefined;
		notice.setMessage(
			last
				? `Research Atlas: finding gaps and suggestions in ${count(pages)} pages…`
				: `Research Atlas: reading pages… ${count(read)} of ${count(pages)}`,
		);
		return pause().then(() => {
			sliceStart = now();
		});
	};
}

function count(n: number): string {
	return n.toLocaleString("en-US");
}
