/** The topic-hubs section of the settings tab. */
import { normalizePath, Setting } from "obsidian";
import { hubsFolderOf, isHubSort } from "../../core";
import type ResearchAtlasPlugin from "../main";

/** Adds the hub settings to the tab. */
export function displayHubSettings(container: HTMLElement, plugin: ResearchAtlasPlugin): void {
	const settings = plugin.settings;
	new Setting(container).setName("Topic hubs").setHeading();
	new Setting(container)
		.setName("Hubs folder")
		.setDesc("Where new hubs are created. Leave empty to use the hubs folder inside the atlas folder.")
		.addText((text) =>
			text
				.setPlaceholder(hubsFolderOf({ atlasFolder: settings.atlasFolder, hubsFolder: "" }))
				.setValue(settings.hubsFolder)
				.onChange(async (value) => {
					settings.hubsFolder = value.trim() === "" ? "" : normalizePath(value.trim());
					await plugin.saveSettings();
				}),
		);
	new Setting(container)
		.setName("Card order")
		.setDesc("How notes are ordered inside each section. A hub can choose its own with the hub_sort property.")
		.addDropdown((dropdown) =>
			dropdown
				.addOption("title", "Title")
				.addOption("modified", "Last modified, newest first")
				.addOption("citations", "Episode citations, most first")
				.setValue(settings.hubSort)
				.onChange(async (value) => {
					if (!isHubSort(value)) return;
					settings.hubSort = value;
					await plugin.saveSettings();
				}),
		);
	new Setting(container)
		.setName("Keep hubs up to date")
		.setDesc("Regenerate a hub shortly after its tagged notes change. A hub you are typing in waits until you pause; frozen hubs are never changed.")
		.addToggle((toggle) =>
			toggle.setValue(settings.hubAutoUpdate).onChange(async (value) => {
				settings.hubAutoUpdate = value;
				await plugin.saveSettings();
			}),
		);
	new Setting(container)
		.setName("Excluded folders")
		.setDesc("Notes in these folders never appear in hubs. One folder per line.")
		.addTextArea((area) =>
			area
				.setPlaceholder("Templates")
				.setValue(settings.hubExcludeFolders.join("\n"))
				.onChange(async (value) => {
					settings.hubExcludeFolders = value
						.split("\n")
						.map((line) => line.trim())
						.filter((line) => line !== "")
						.map((line) => normalizePath(line));
					await plugin.saveSettings();
				}),
		);
	new Setting(container)
		.setName("Exclusion property")
		.setDesc("Notes whose properties set this to true never appear in hubs (default: atlas_exclude). Leave empty to turn this off.")
		.addText((text) =>
			text
				.setPlaceholder("Property name")
				.setValue(settings.hubExcludeKey)
				.onChange(async (value) => {
					settings.hubExcludeKey = value.trim();
					await plugin.saveSettings();
				}),
		);
}
