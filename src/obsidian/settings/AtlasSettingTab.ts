/**
 * The settings tab: one section per feature, each described by its own module. Obsidian 1.13 and later draw the
 * sections from getSettingDefinitions() (so settings search finds every row); older versions call display().
 */
import { PluginSettingTab, Setting, type App, type SettingDefinitionItem } from "obsidian";
import type ResearchAtlasPlugin from "../main";
import { episodeSettings } from "./episodeSettings";
import { graphSettings } from "./graphSettings";
import { hubSettings } from "./hubSettings";
import { importSettings } from "./importSettings";
import type { SettingSection } from "./settingSection";

/** Research Atlas settings. */
export class AtlasSettingTab extends PluginSettingTab {
	constructor(
		app: App,
		private readonly atlas: ResearchAtlasPlugin,
	) {
		super(app, atlas);
	}

	/** Every section, in the order the tab shows them. */
	sections(): SettingSection[] {
		return [importSettings(this.atlas), episodeSettings(this.atlas), hubSettings(this.atlas), graphSettings(this.atlas)];
	}

	override getSettingDefinitions(): SettingDefinitionItem[] {
		return this.sections().map((section) => ({
			type: "group",
			heading: section.heading,
			items: section.rows.map((row) => ({ name: row.name, desc: row.desc, render: (setting: Setting) => row.render(setting) })),
		}));
	}

	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const section of this.sections()) {
			new Setting(containerEl).setName(section.heading).setHeading();
			for (const row of section.rows) row.render(new Setting(containerEl).setName(row.name).setDesc(row.desc));
		}
	}
}
