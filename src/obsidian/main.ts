/** Research Atlas: lifecycle and wiring only; every feature lives in its own module. */
import { Plugin } from "obsidian";
import { registerEpisodes } from "./episodes/registerEpisodes";
import { registerGraph } from "./graph/registerGraph";
import { registerHubs } from "./hubs/registerHubs";
import { registerImport } from "./import/registerImport";
import { AtlasSettingTab } from "./settings/AtlasSettingTab";
import { mergeSettings, type AtlasSettings } from "./settings/settings";

/** The plugin. */
export default class ResearchAtlasPlugin extends Plugin {
	override settings: AtlasSettings = mergeSettings(null);

	override async onload(): Promise<void> {
		this.settings = mergeSettings(await this.loadData());
		this.addSettingTab(new AtlasSettingTab(this.app, this));
		registerImport(this);
		registerEpisodes(this);
		registerHubs(this);
		registerGraph(this);
	}

	/** Saves settings and tells features that depend on them. */
	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
		this.app.workspace.trigger("research-atlas:settings-changed");
	}
}
