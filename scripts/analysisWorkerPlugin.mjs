// esbuild plugin: replaces src/obsidian/import/worker/analysisWorkerSource.ts with the import's analysis worker bundled
// as a string, so one main.js ships (the worker starts from a Blob URL, on desktop and mobile alike). Without it (unit
// tests) the module exports null and the import analyses its prose on the main thread.
import { inlineWorkerPlugin } from "./inlineWorkerPlugin.mjs";

/** The plugin; `minify` follows the host build. */
export function analysisWorkerPlugin({ minify = true } = {}) {
	return inlineWorkerPlugin({
		module: /[\\/]src[\\/]obsidian[\\/]import[\\/]worker[\\/]analysisWorkerSource\.ts$/,
		name: "ANALYSIS_WORKER_SOURCE",
		entry: "src/obsidian/import/worker/analysisWorker.ts",
		platform: "browser",
		format: "iife",
		target: "es2020",
		minify,
	});
}
