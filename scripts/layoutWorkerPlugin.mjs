// esbuild plugin: `import source from "atlas-layout-worker"` gives the layout worker's bundled code as a string.
// The worker is built as its own bundle and inlined into main.js (started from a Blob URL), so one main.js ships,
// on desktop and mobile alike. Used by esbuild.config.mjs and by the graph harness page.
import esbuild from "esbuild";

export const WORKER_MODULE = "atlas-layout-worker";
const ENTRY = "src/obsidian/graph/worker/layoutWorker.ts";

/** The plugin; `minify` follows the host build. */
export function layoutWorkerPlugin({ minify = true } = {}) {
	return {
		name: "atlas-layout-worker",
		setup(build) {
			build.onResolve({ filter: new RegExp(`^${WORKER_MODULE}$`) }, () => ({ path: WORKER_MODULE, namespace: "atlas-worker" }));
			build.onLoad({ filter: /.*/, namespace: "atlas-worker" }, async () => {
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
					contents: `export default ${JSON.stringify(code)};`,
					loader: "js",
					watchFiles: Object.keys(result.metafile.inputs),
				};
			});
		},
	};
}
