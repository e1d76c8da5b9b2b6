// Builds the graph harness page (tests/harness/graph) over the demo vault: the CLI builds the vault from seeds/ into a
// temporary folder, its notes become vault.json, and esbuild bundles the page with the obsidian stand-in in place of
// Obsidian. Used by the browser test and by `npm run preview`.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import esbuild from "esbuild";
import { layoutWorkerPlugin } from "./pluginWorkers.mjs";

const HARNESS = join("tests", "harness", "graph");

function readVault(dir) {
	const out = {};
	const walk = (folder) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const full = join(folder, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith(".md")) out[relative(dir, full).split(sep).join("/")] = readFileSync(full, "utf8");
		}
	};
	walk(dir);
	return out;
}

/** Builds the page into `outDir` and returns the number of notes it holds. Needs dist/cli.js (npm run build). */
export async function buildGraphHarness(outDir, { seeds = "seeds", minify = false } = {}) {
	mkdirSync(outDir, { recursive: true });
	const vault = mkdtempSync(join(tmpdir(), "research-atlas-harness-vault-"));
	try {
		execFileSync(process.execPath, ["bin/research-atlas.mjs", "build", "--seeds", seeds, "--vault", vault], { stdio: "pipe" });
		const files = readVault(vault);
		writeFileSync(join(outDir, "vault.json"), JSON.stringify(files));
		for (const name of ["index.html", "theme.css"]) copyFileSync(join(HARNESS, name), join(outDir, name));
		copyFileSync("styles.css", join(outDir, "styles.css"));
		await esbuild.build({
			entryPoints: [join(HARNESS, "main.ts")],
			bundle: true,
			format: "iife",
			target: "es2020",
			platform: "browser",
			sourcemap: "inline",
			minify,
			outfile: join(outDir, "harness.js"),
			alias: { obsidian: "./tests/obsidian-stub/obsidian.ts" },
			plugins: [layoutWorkerPlugin({ minify })],
			logLevel: "warning",
		});
		return Object.keys(files).length;
	} finally {
		rmSync(vault, { recursive: true, force: true });
	}
}
