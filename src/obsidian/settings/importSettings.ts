/** The import section of the settings tab. */
import type ResearchAtlasPlugin from "../main";
import type { SettingSection } from "./settingSection";
import { folderRow } from "./settingRows";

/** The import settings, as rows of the settings tab. */
export function importSettings(plugin: ResearchAtlasPlugin): SettingSection {
	return {
		heading: "Import",
		rows: [
			folderRow(plugin, "sourceFolder", "Source folder", "Folder holding the scraped pages (literature reviews, cluster and hub pages) to import. Leave empty for the vault root."),
			folderRow(plugin, "atlasFolder", "Atlas folder", "Folder that receives the generated notes. Leave empty for the vault root."),
		],
	};
}
