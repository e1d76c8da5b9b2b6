// Jest transformer: esbuild turns TypeScript and d3's ESM-only modules into CommonJS.
// Type checking is done separately by `tsc` in `npm test`, so this stays fast.
const { transformSync } = require("esbuild");

module.exports = {
	process(source, path) {
		const loader = path.endsWith(".ts") ? "ts" : "js";
		const result = transformSync(source, {
			loader,
			format: "cjs",
			target: "node20",
			sourcemap: "inline",
			sourcefile: path,
		});
		return { code: result.code };
	},
};
