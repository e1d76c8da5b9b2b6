// esbuild plugins for main.js's web workers: each replaces its placeholder module with the worker's bundled code as a
// string, so one main.js ships and starts the worker from a Blob URL, on desktop and mobile alike. Without them (unit
// tests) the placeholders export null: the layout runs on the main thread and the import analyses its prose in place.
//  - the graph's layout worker (src/obsidian/graph/worker/workerSource.ts), also used by the graph harness page and
//    the graph benchmark;
//  - the import's analysis worker (src/obsidian/import/worker/analysisWorkerSource.ts).
import { inlineWorkerPlugin } from "./inlineWorkerPlugin.mjs";

/** A worker for main.js: a browser IIFE, minified as the host build is. */
function pluginWorker(module, name, entry, minify) {
	return inlineWorkerPlugin({ module, name, entry, platform: "browser", format: "iife", target: "es2020", minify });
}

/** The graph's layout worker; `minify` follows the host build. */
export function layoutWorkerPlugin({ minify = true } = {}) {
	return pluginWorker(/[\\/]src[\\/]obsidian[\\/]graph[\\/]worker[\\/]workerSource\.ts$/, "LAYOUT_WORKER_SOURCE", "src/obsidian/graph/worker/layoutWorker.ts", minify);
}

/** The import's analysis worker; `minify` follows the host build. */
export function analysisWorkerPlugin({ minify = true } = {}) {
	return pluginWorker(
		/[\\/]src[\\/]obsidian[\\/]import[\\/]worker[\\/]analysisWorkerSource\.ts$/,
		"ANALYSIS_WORKER_SOURCE",
		"src/obsidian/import/worker/analysisWorker.ts",
		minify,
	);
}
