// esbuild plugin: replaces src/obsidian/graph/worker/workerSource.ts with the layout worker's bundled code as a string.
// The worker is built as its own bundle and inlined into main.js (started from a Blob URL), so one main.js ships, on
// desktop and mobile alike. Used by esbuild.config.mjs and by the graph harness page; without it (unit tests) the
// module exports null and the layout runs on the main thread.
import esbuild from "esbuild";

const ENTRY = "src/obsidian/graph/worker/layoutWorker.ts";
const SOURCE_MODULE = /[\\/]src[\\/]obsidian[\\/]graph[\\/]worker[\\/]workerSource\.ts$/;

/** The plugin; `minify` follows the host build. */
export function layoutWorkerPlugin({ minify = true } = {}) {
	return {
		name: "atlas-layout-worker",
		setup(build) {
			build.onLoad({ filter: SOURCE_MODULE }, async () => {
				const result = await esbuild.build({
					entryPoints: [ENTRY],
					bundle: true,
					format: "iife",
					target: "es2020",
					platform: "browser",
					minify,
					write: false,
					metafile: true,
					logLevel: "silent",
				});
				const code = result.outputFiles[0]?.text ?? "";
				return {
					contents: `export const LAYOUT_WORKER_SOURCE = ${JSON.stringify(code)};`,
					loader: "js",
					watchFiles: Object.keys(result.metafile.inputs),
				};
			});
		},
	};
}
