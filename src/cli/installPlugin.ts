/** Installs the built plugin into a vault and enables it, so the vault opens in Obsidian ready to use. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";

const PLUGIN_ID = "research-atlas";
const RELEASE_FILES = ["main.js", "manifest.json", "styles.css"];
/** The vault folder that receives a copy of the source pages; the installed plugin imports from it. */
export const SOURCES_FOLDER = "Sources";

/** Copies the release files from `projectDir`, enables the plugin, and copies the source pages to `Sources/`. */
export function installPlugin(projectDir: string, vaultDir: string, seedsDir: string): string[] {
	const problems: string[] = [];
	const pluginDir = join(vaultDir, ".obsidian", "plugins", PLUGIN_ID);
	mkdirSync(pluginDir, { recursive: true });
	for (const file of RELEASE_FILES) {
		const from = join(projectDir, file);
		if (existsSync(from)) copyFileSync(from, join(pluginDir, file));
		else problems.push(`${file} is missing; run \`npm run build\` first`);
	}
	const enabledPath = join(vaultDir, ".obsidian", "community-plugins.json");
	const enabled: unknown = existsSync(enabledPath) ? JSON.parse(readFileSync(enabledPath, "utf8")) : [];
	const list = Array.isArray(enabled) ? enabled.filter((x): x is string => typeof x === "string") : [];
	if (!list.includes(PLUGIN_ID)) list.push(PLUGIN_ID);
	writeFileSync(enabledPath, JSON.stringify(list, null, 2) + "\n");
	const dataPath = join(pluginDir, "data.json");
	if (!existsSync(dataPath)) writeFileSync(dataPath, JSON.stringify({ sourceFolder: SOURCES_FOLDER, atlasFolder: "" }, null, 2) + "\n");
	const sources = join(vaultDir, SOURCES_FOLDER);
	mkdirSync(sources, { recursive: true });
	for (const file of readdirSync(seedsDir)) {
		if (!file.startsWith(".")) copyFileSync(join(seedsDir, file), join(sources, file));
	}
	return problems;
}
