/** The episode-codes section of the settings tab. */
import { DEFAULT_CODE_PATTERN, episodeFolderOf, isValidCodePattern } from "../../core";
import type ResearchAtlasPlugin from "../main";
import type { SettingSection } from "./settingSection";
import { folderRow, toggleRow } from "./settingRows";

/** The episode settings, as rows of the settings tab. */
export function episodeSettings(plugin: ResearchAtlasPlugin): SettingSection {
	const settings = plugin.settings;
	return {
		heading: "Episode codes",
		rows: [
			{
				name: "Code pattern",
				desc: `Regular expression that matches one episode code. Default: ${DEFAULT_CODE_PATTERN} (E026).`,
				render: (setting) => {
					setting.addText((text) =>
						text
							.setPlaceholder(DEFAULT_CODE_PATTERN)
							.setValue(settings.codePattern)
							.onChange(async (value) => {
								const next = value.trim() === "" ? DEFAULT_CODE_PATTERN : value.trim();
								const valid = isValidCodePattern(next);
								text.inputEl.toggleClass("research-atlas-invalid", !valid);
								text.inputEl.setAttr("aria-invalid", valid ? null : "true");
								if (!valid) return;
								settings.codePattern = next;
								await plugin.saveSettings();
							}),
					);
				},
			},
			folderRow(plugin, "episodeFolder", "Episode folder", "Folder of episode notes. Leave empty to use the folder the importer writes them to, inside the atlas folder.", () =>
				episodeFolderOf({ atlasFolder: plugin.settings.atlasFolder, episodeFolder: "" }),
			),
			{
				name: "Citation count",
				desc: "What the small number after an episode code counts.",
				render: (setting) => {
					setting.addDropdown((dropdown) =>
						dropdown
							.addOption("notes", "Citing notes")
							.addOption("occurrences", "Citations")
							.setValue(settings.citationCount)
							.onChange(async (value) => {
								settings.citationCount = value === "occurrences" ? "occurrences" : "notes";
								await plugin.saveSettings();
							}),
					);
				},
			},
			{
				name: "Minimum count shown",
				desc: "Counts below this are not shown. Set a high number to hide counts.",
				render: (setting) => {
					setting.addText((text) => {
						text.inputEl.type = "number";
						text.inputEl.min = "0";
						text.setValue(String(settings.citationCountMinimum)).onChange(async (value) => {
							const number = Number.parseInt(value, 10);
							if (!Number.isFinite(number) || number < 0) return;
							settings.citationCountMinimum = number;
							await plugin.saveSettings();
						});
					});
				},
			},
			toggleRow(
				plugin,
				"citedBySection",
				"Cited by section in episode notes",
				"Keep a generated list of citing passages at the end of each episode note. Text outside its markers is never changed. Turning this off removes the sections.",
			),
		],
	};
}
