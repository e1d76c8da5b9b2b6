/** Web workers started from a bundle the build inlined into main.js as text, so one file ships. */

/** A started worker, and how to stop it (which also frees its Blob URL). */
export interface InlineWorker {
	worker: Worker;
	stop(): void;
}

/** Starts `source` as a web worker from a Blob URL (desktop and mobile both allow one); null where none can start. */
export function startInlineWorker(source: string): InlineWorker | null {
	if (typeof Worker === "undefined" || typeof Blob === "undefined") return null;
	let url: string | null = null;
	try {
		url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
		const worker = new Worker(url);
		const started = url;
		return {
			worker,
			stop: () => {
				worker.terminate();
				URL.revokeObjectURL(started);
			},
		};
	} catch {
		if (url !== null) URL.revokeObjectURL(url);
		return null;
	}
}
