/** The import section of the settings tab. */
import { normalizePath } from "obsidian";
import type ResearchAtlasPlugin from "../main";
import type { SettingSection } from "./settingSection";
import { folderRow } from "./settingRows";

/** The import settings, as rows of the settings tab. */
export function importSettings(plugin: ResearchAtlasPlugin): SettingSection {
	return {
		heading: "Import",
		rows: [
			{
				name: "Source folder",
				desc: "Folder holding the scraped pages (literature reviews, cluster and hub pages) to import.",
				render: (setting) => {
					setting.addText((text) =>
						text.setValue(plugin.settings.sourceFolder).onChange(async (value) => {
							plugin.settings.sourceFolder = normalizePath(value.trim() || "/") === "/" ? "" : normalizePath(value.trim());
							await plugin.saveSettings();
						}),
					);
				},
			},
			folderRow(plugin, "atlasFolder", "Atlas folder", "Folder that receives the generated notes. Leave empty for the vault root."),
		],
	};
}
