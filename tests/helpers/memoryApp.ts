/** Builds the obsidian stand-in's App over in-memory files, for tests of src/obsidian. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { App, normalizePath, realApp } from "../obsidian-stub/obsidian";
import type * as Real from "obsidian";

export interface MemoryAppOptions {
	/** false: onLayoutReady callbacks wait for `app.workspace.setLayoutReady()`. Default true. */
	layoutReady?: boolean;
}

/** The plugin's own manifest.json, installed where Obsidian would put it: what tests construct the plugin with. */
export const MANIFEST: Real.PluginManifest = {
	...(JSON.parse(readFileSync(join(__dirname, "..", "..", "manifest.json"), "utf8")) as Real.PluginManifest),
	dir: ".obsidian/plugins/research-atlas",
};

/** An App whose vault holds `files` (path → content) and whose metadata cache has indexed them. */
export function createApp(files: Record<string, string> = {}, options: MemoryAppOptions = {}): App {
	const app = new App(options);
	app.vault.seed(files);
	for (const [path, content] of Object.entries(files)) {
		const file = app.vault.getFileByPath(normalizePath(path));
		if (file?.extension === "md") app.metadataCache.indexText(file, content);
	}
	app.metadataCache.resolveAll();
	return app;
}

/** The same App typed with the real declarations, for code under test. */
export function asRealApp(app: App): Real.App {
	return realApp(app);
}

/** Reads every file under `dir` (skipping `.obsidian`, `.git`, `node_modules`) into a path → content map. */
export function loadVaultDir(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.name === ".obsidian" || entry.name === ".git" || entry.name === "node_modules") continue;
			const full = join(folder, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.isFile()) out[relative(dir, full).split(sep).join("/")] = readFileSync(full, "utf8");
		}
	};
	walk(dir);
	return out;
}
