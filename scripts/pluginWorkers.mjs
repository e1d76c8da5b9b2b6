// esbuild plugin: replaces src/obsidian/graph/worker/workerSource.ts with the layout worker's bundled code as a string.
// The worker is built as its own bundle and inlined into main.js (started from a Blob URL), so one main.js ships, on
// desktop and mobile alike. Used by esbuild.config.mjs and by the graph harness page; without it (unit tests) the
// module exports null and the layout runs on the main thread.
import { inlineWorkerPlugin } from "./inlineWorkerPlugin.mjs";

/** The plugin; `minify` follows the host build. */
export function layoutWorkerPlugin({ minify = true } = {}) {
	return inlineWorkerPlugin({
		module: /[\\/]src[\\/]obsidian[\\/]graph[\\/]worker[\\/]workerSource\.ts$/,
		name: "LAYOUT_WORKER_SOURCE",
		entry: "src/obsidian/graph/worker/layoutWorker.ts",
		platform: "browser",
		format: "iife",
		target: "es2020",
		minify,
	});
}
