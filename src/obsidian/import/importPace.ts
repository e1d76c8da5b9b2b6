/** How an import runs on Obsidian's own thread without freezing it: in slices, with its progress notice kept current. */
import { Notice } from "obsidian";
import type { ProgressHook } from "../../core";

/** How long the import works before it lets Obsidian draw and handle input again. */
export const IMPORT_SLICE_MS = 30;

/** Imports with more input files or more notes than this show a progress notice; short ones only the summary. */
export const LONG_IMPORT = 100;

/**
 * Yields to the window's event loop, which draws and handles input before the next task. A message to itself, as
 * schedulers do: not an animation frame (those stop while the window is hidden), nor a timer (chained timers are
 * held to one a second in a hidden window, which would stretch a minimised import thirty-fold). A timer only where
 * there is no MessageChannel.
 */
function yieldToWindow(): Promise<void> {
	return new Promise((resolve) => {
		if (typeof MessageChannel === "undefined") {
			window.setTimeout(resolve, 0);
			return;
		}
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/**
 * The import's progress hooks. About every slice each tells the notice how far the import is and yields, so that the
 * notice shows it and the app stays responsive. A long import (more than `LONG_IMPORT` files) shows its notice from
 * the start; one with few files but many notes shows it once its notes are being written.
 */
export class ImportPace {
	#notice: Notice | null;
	#sliceStart: number;

	constructor(
		files: number,
		private readonly now: () => number = Date.now,
		private readonly pause: () => Promise<void> = yieldToWindow,
	) {
		this.#notice = files > LONG_IMPORT ? new Notice(`Research Atlas: loading ${count(files)} files…`, 0) : null;
		this.#sliceStart = now();
	}

	/** For `ImportOptions.onPageRead`: pages read, then (after the last) the search for gaps. */
	readonly pageRead: ProgressHook = (read, pages) =>
		this.#step(read === pages, () =>
			read === pages ? `Research Atlas: finding gaps and suggestions in ${count(pages)} pages…` : `Research Atlas: reading pages… ${count(read)} of ${count(pages)}`,
		);

	/** For `ImportOptions.onProgress`: notes written. */
	readonly noteWritten: ProgressHook = (done, total) => {
		if (this.#notice === null && total <= LONG_IMPORT) return undefined;
		return this.#step(done >= total, () => `Research Atlas: importing… ${count(done)} of ${count(total)} notes done`);
	};

	/** Takes the notice down (the summary replaces it). */
	hide(): void {
		this.#notice?.hide();
		this.#notice = null;
	}

	#step(last: boolean, message: () => string): Promise<void> | undefined {
		if (!last && this.now() - this.#sliceStart < IMPORT_SLICE_MS) return undefined;
		// The last step of a phase is shown on a notice already up, and never opens one: the summary follows.
		if (this.#notice === null && last) return undefined;
		if (this.#notice === null) this.#notice = new Notice(message(), 0);
		else this.#notice.setMessage(message());
		return this.pause().then(() => {
			this.#sliceStart = this.now();
		});
	}
}

function count(n: number): string {
	return n.toLocaleString("en-US");
}
