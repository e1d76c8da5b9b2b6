// esbuild plugin: replaces a placeholder module with a worker's own bundle as a string constant, so a build ships one
// file and starts the worker from that text. Used for main.js's layout and analysis workers (pluginWorkers.mjs) and
// the command-line tool's writer thread (writerWorkerPlugin.mjs); without it (unit tests) the placeholder's null stands.
import esbuild from "esbuild";

/**
 * A worker's bundle: `entry` its source; `platform`, `format` and `target` how it runs; `minify` as the host build.
 * Resolves with its code and the files it was built from.
 */
export async function bundleWorker({ entry, platform, format, target, minify = true }) {
	const result = await esbuild.build({ entryPoints: [entry], bundle: true, format, target, platform, minify, write: false, metafile: true, logLevel: "silent" });
	return { code: result.outputFiles[0]?.text ?? "", inputs: Object.keys(result.metafile.inputs) };
}

/** The plugin: `worker` as for bundleWorker, `module` the placeholder's path pattern, `name` the constant it exports. */
export function inlineWorkerPlugin({ module, name, ...worker }) {
	return {
		name: `inline-worker:${name}`,
		setup(build) {
			build.onLoad({ filter: module }, async () => {
				const { code, inputs } = await bundleWorker(worker);
				return { contents: `export const ${name} = ${JSON.stringify(code)};`, loader: "js", watchFiles: inputs };
			});
		},
	};
}
