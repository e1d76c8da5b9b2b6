/** The import section of the settings tab. */
import { normalizePath, Setting } from "obsidian";
import type ResearchAtlasPlugin from "../main";

/** Adds the import settings to the tab. */
export function displayImportSettings(container: HTMLElement, plugin: ResearchAtlasPlugin): void {
	new Setting(container).setName("Import").setHeading();
	new Setting(container)
		.setName("Source folder")
		.setDesc("Folder holding the scraped pages (literature reviews, cluster and hub pages) to import.")
		.addText((text) =>
			text.setValue(plugin.settings.sourceFolder).onChange(async (value) => {
				plugin.settings.sourceFolder = normalizePath(value.trim() || "/") === "/" ? "" : normalizePath(value.trim());
				await plugin.saveSettings();
			}),
		);
	new Setting(container)
		.setName("Atlas folder")
		.setDesc("Folder that receives the generated notes. Leave empty for the vault root.")
		.addText((text) =>
			text.setValue(plugin.settings.atlasFolder).onChange(async (value) => {
				plugin.settings.atlasFolder = value.trim() === "" ? "" : normalizePath(value.trim());
				await plugin.saveSettings();
			}),
		);
}
