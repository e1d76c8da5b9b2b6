/** The topic-hubs section of the settings tab. */
import { normalizePath } from "obsidian";
import { hubsFolderOf, isHubSort } from "../../core";
import type ResearchAtlasPlugin from "../main";
import type { SettingSection } from "./settingSection";
import { folderRow, toggleRow } from "./settingRows";

/** The hub settings, as rows of the settings tab. */
export function hubSettings(plugin: ResearchAtlasPlugin): SettingSection {
	const settings = plugin.settings;
	return {
		heading: "Topic hubs",
		rows: [
			folderRow(plugin, "hubsFolder", "Hubs folder", "Where new hubs are created. Leave empty to use the hubs folder inside the atlas folder.", () =>
				hubsFolderOf({ atlasFolder: plugin.settings.atlasFolder, hubsFolder: "" }),
			),
			{
				name: "Card order",
				desc: "How notes are ordered inside each section. A hub can choose its own with the hub_sort property.",
				render: (setting) => {
					setting.addDropdown((dropdown) =>
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
				},
			},
			toggleRow(plugin, "hubAutoUpdate", "Keep hubs up to date", "Regenerate a hub shortly after its tagged notes change. A hub you are typing in waits until you pause; frozen hubs are never changed."),
			{
				name: "Excluded folders",
				desc: "Notes in these folders never appear in hubs. One folder per line.",
				render: (setting) => {
					setting.addTextArea((area) =>
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
				},
			},
			{
				name: "Exclusion property",
				desc: "Notes whose properties set this to true never appear in hubs (default: atlas_exclude). Leave empty to turn this off.",
				render: (setting) => {
					setting.addText((text) =>
						text
							.setPlaceholder("Property name")
							.setValue(settings.hubExcludeKey)
							.onChange(async (value) => {
								settings.hubExcludeKey = value.trim();
								await plugin.saveSettings();
							}),
					);
				},
			},
		],
	};
}
