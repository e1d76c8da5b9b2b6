/**
 * Builds the bundle harness page (tests/harness/plugin) into a folder: the demo vault exactly as `npm run vault` makes
 * it (the CLI's build with --install-plugin, into a temporary folder) as vault.json, the plugin's data.json and
 * manifest.json as config.json, the shipped main.js and styles.css copied byte for byte, and the page's script
 * bundled for the browser with the obsidian stand-in and the real @codemirror packages.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { main } from "../../../src/cli/main";
import { loadVaultDir } from "../../helpers/memoryApp";
import { SEEDS_DIR } from "../../helpers/seeds";

const ROOT = resolve(__dirname, "..", "..", "..");
const HERE = __dirname;

/** The release file the test loads: what `npm run build` wrote at the project root. */
export const SHIPPED_MAIN = join(ROOT, "main.js");

export interface PluginHarnessSite {
	/** Number of vault files handed to the page. */
	files: number;
	/** The vault's paths, sorted. */
	paths: string[];
}

/** Writes the page into `outDir`. Fails when main.js is missing: the harness loads the shipped bundle, it never builds one. */
export async function buildPluginHarness(outDir: string): Promise<PluginHarnessSite> {
	if (!existsSync(SHIPPED_MAIN)) throw new Error("main.js is missing at the project root: run `npm run build` first (the bundle test loads the shipped file, it never rebuilds it)");
	mkdirSync(outDir, { recursive: true });
	const vault = mkdtempSync(join(tmpdir(), "research-atlas-bundle-vault-"));
	try {
		const errors: string[] = [];
		const code = await main(["build", "--seeds", SEEDS_DIR, "--vault", vault, "--install-plugin"], () => undefined, (line) => errors.push(line));
		if (code !== 0) throw new Error(`the demo vault did not build (exit ${code}): ${errors.join("; ")}`);
		const files = loadVaultDir(vault);
		const pluginDir = join(vault, ".obsidian", "plugins", "research-atlas");
		const manifest: unknown = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8"));
		const data: unknown = JSON.parse(readFileSync(join(pluginDir, "data.json"), "utf8"));
		writeFileSync(join(outDir, "vault.json"), JSON.stringify(files));
		writeFileSync(join(outDir, "config.json"), JSON.stringify({ manifest, data, nodeBuiltins: [...builtinModules.filter((name) => !name.startsWith("_")), "electron"] }));
		copyFileSync(SHIPPED_MAIN, join(outDir, "main.js"));
		copyFileSync(join(ROOT, "styles.css"), join(outDir, "styles.css"));
		copyFileSync(join(ROOT, "tests", "harness", "graph", "theme.css"), join(outDir, "theme.css"));
		copyFileSync(join(HERE, "index.html"), join(outDir, "index.html"));
		await build({
			entryPoints: [join(HERE, "main.ts")],
			bundle: true,
			format: "iife",
			target: "es2020",
			platform: "browser",
			sourcemap: "inline",
			outfile: join(outDir, "harness.js"),
			logLevel: "warning",
		});
		return { files: Object.keys(files).length, paths: Object.keys(files).sort() };
	} finally {
		rmSync(vault, { recursive: true, force: true });
	}
}
