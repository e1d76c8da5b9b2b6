/** A loaded plugin with only the episode feature registered, over an in-memory vault. */
import { App, Plugin as StubPlugin, stubOf } from "../../obsidian-stub/obsidian";
import ResearchAtlasPlugin from "../../../src/obsidian/main";
import { registerEpisodes, type EpisodeFeature } from "../../../src/obsidian/episodes/registerEpisodes";
import { mergeSettings, type AtlasSettings } from "../../../src/obsidian/settings/settings";
import { asRealApp, createApp, MANIFEST } from "../../helpers/memoryApp";

/** The plugin under test: real settings and wiring for the episode feature only. */
export class EpisodePlugin extends ResearchAtlasPlugin {
	feature!: EpisodeFeature;

	override onload(): Promise<void> {
		this.feature = registerEpisodes(this);
		return Promise.resolve();
	}
}

/** What a test gets. */
export interface Harness {
	app: App;
	plugin: EpisodePlugin;
	stub: StubPlugin;
	feature: EpisodeFeature;
}

/** Builds the app over `files`, loads the plugin with `settings`, and waits until the index finished loading. */
export async function startEpisodes(files: Record<string, string>, settings: Partial<AtlasSettings> = {}): Promise<Harness> {
	return loadEpisodes(createApp(files), settings);
}

/** Loads a new plugin instance over an existing app (as enabling the plugin does) and waits for its index. */
export async function loadEpisodes(app: App, settings: Partial<AtlasSettings> = {}, waitForIndex = true): Promise<Harness> {
	const plugin = new EpisodePlugin(asRealApp(app), MANIFEST);
	plugin.settings = { ...mergeSettings(null), atlasFolder: "", ...settings };
	const stub = stubOf(plugin, StubPlugin);
	await stub.loadForTest();
	if (waitForIndex) await until(() => plugin.feature.indexer.ready);
	return { app, plugin, stub, feature: plugin.feature };
}

/** Waits (real timers) until `condition` holds, failing after `ms`. */
export async function until(condition: () => boolean, ms = 3000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > ms) throw new Error("condition not met in time");
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/** Lets pending promise callbacks (vault events, reads) run. */
export async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A small demo vault: an episode note, a review citing it (link and plain), a note citing a missing episode. */
export const FILES: Record<string, string> = {
	"Episodes/E026.md": "---\ntype: episode\ntitle: Rethinking RL\ncode: E026\n---\n# E026\n\nE026 is about tokens.\n",
	"Episodes/E011.md": "---\ntype: episode\ncode: E011\n---\n",
	"Reviews/Review.md": "## Token level\n\nRL reweights tokens [[E026]]. It also needs E011. ^p1\n\nAgain E026 and `E026` in code.\n",
	"Notes/Hand.md": "I typed E026 and E099 by hand, see https://x.org/E026.\n",
};
