/** A loaded plugin with only the hubs feature registered, over an in-memory vault. */
import { App, Plugin as StubPlugin, stubOf } from "../../obsidian-stub/obsidian";
import ResearchAtlasPlugin from "../../../src/obsidian/main";
import { registerHubs, type HubFeature } from "../../../src/obsidian/hubs/registerHubs";
import { mergeSettings, type AtlasSettings } from "../../../src/obsidian/settings/settings";
import { importPages, MemoryVault } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { asRealApp, createApp, MANIFEST } from "../../helpers/memoryApp";
import { loadSeeds } from "../../helpers/seeds";

/** The plugin under test: real settings and wiring for the hubs feature only. */
export class HubPlugin extends ResearchAtlasPlugin {
	feature!: HubFeature;

	override onload(): Promise<void> {
		this.feature = registerHubs(this);
		return Promise.resolve();
	}
}

/** What a test gets. */
export interface Harness {
	app: App;
	plugin: HubPlugin;
	stub: StubPlugin;
	feature: HubFeature;
}

/** Builds the app over `files` and loads the plugin with `settings`. */
export async function startHubs(files: Record<string, string>, settings: Partial<AtlasSettings> = {}): Promise<Harness> {
	const app = createApp(files);
	const plugin = new HubPlugin(asRealApp(app), MANIFEST);
	plugin.settings = { ...mergeSettings(null), atlasFolder: "", ...settings };
	const stub = stubOf(plugin, StubPlugin);
	await stub.loadForTest();
	return { app, plugin, stub, feature: plugin.feature };
}

/** The seeds imported by the core importer, as path → text. */
export async function seedFiles(): Promise<Record<string, string>> {
	const vault = new MemoryVault();
	await importPages(loadSeeds(), vault, { root: "", yaml: nodeYaml });
	return Object.fromEntries(vault.files);
}

/** Lets pending promise callbacks (vault events, reads) run. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
