/** The settings tab: one section per feature, each drawn by its own module. */
import { PluginSettingTab, type App } from "obsidian";
import type ResearchAtlasPlugin from "../main";
import { displayEpisodeSettings } from "./episodeSettings";
import { displayGraphSettings } from "./graphSettings";
import { displayHubSettings } from "./hubSettings";
import { displayImportSettings } from "./importSettings";

/** Research Atlas settings. */
export class AtlasSettingTab extends PluginSettingTab {
	constructor(app: App, private readonly plugin: ResearchAtlasPlugin) {
		super(app, plugin);
	}

	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		displayImportSettings(containerEl, this.plugin);
		displayEpisodeSettings(containerEl, this.plugin);
		displayHubSettings(containerEl, this.plugin);
		displayGraphSettings(containerEl, this.plugin);
	}
}
