/** A loaded plugin with only the import feature registered, over an in-memory vault holding the seeds. */
import { App, Plugin as StubPlugin, stubOf } from "../../obsidian-stub/obsidian";
import ResearchAtlasPlugin from "../../../src/obsidian/main";
import { registerImport, type ImportFeature } from "../../../src/obsidian/import/registerImport";
import { mergeSettings, type AtlasSettings } from "../../../src/obsidian/settings/settings";
import { asRealApp, createApp, MANIFEST } from "../../helpers/memoryApp";
import { loadSeeds } from "../../helpers/seeds";

/** The plugin under test: real settings and wiring for the import feature only. */
export class ImportPlugin extends ResearchAtlasPlugin {
	feature!: ImportFeature;

	override onload(): Promise<void> {
		this.feature = registerImport(this);
		return Promise.resolve();
	}
}

/** What a test gets. */
export interface Harness {
	app: App;
	plugin: ImportPlugin;
	stub: StubPlugin;
	feature: ImportFeature;
}

/** The five seeds as vault files under `folder`. */
export function seedSources(folder = "Sources"): Record<string, string> {
	return Object.fromEntries(loadSeeds().map((s) => [`${folder}/${s.file}`, s.text]));
}

/** Builds the app over `files` and loads the plugin with `settings` (defaults: Sources → Research Atlas). */
export async function startImport(files: Record<string, string>, settings: Partial<AtlasSettings> = {}): Promise<Harness> {
	const app = createApp(files);
	const plugin = new ImportPlugin(asRealApp(app), MANIFEST);
	plugin.settings = { ...mergeSettings(null), ...settings };
	const stub = stubOf(plugin, StubPlugin);
	await stub.loadForTest();
	return { app, plugin, stub, feature: plugin.feature };
}

/** Runs the "Import research pages" command as the palette would and waits for the import to finish. */
export async function runCommand(h: Harness): Promise<void> {
	h.stub.runCommand("import-research-pages");
	await h.feature.lastRun;
}

/** Every file's modification time, by path. */
export function mtimes(app: App): Map<string, number> {
	return new Map(app.vault.getFiles().map((f) => [f.path, f.stat.mtime]));
}
