/** The episode-codes section of the settings tab. */
import { normalizePath, Setting } from "obsidian";
import { DEFAULT_CODE_PATTERN, episodeFolderOf, isValidCodePattern } from "../../core";
import type ResearchAtlasPlugin from "../main";

/** Adds the episode settings to the tab. */
export function displayEpisodeSettings(container: HTMLElement, plugin: ResearchAtlasPlugin): void {
	const settings = plugin.settings;
	new Setting(container).setName("Episode codes").setHeading();
	const pattern = new Setting(container)
		.setName("Code pattern")
		.setDesc(`Regular expression that matches one episode code. Default: ${DEFAULT_CODE_PATTERN} (E026).`);
	pattern.addText((text) =>
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
	new Setting(container)
		.setName("Episode folder")
		.setDesc("Folder of episode notes. Leave empty to use the folder the importer writes them to, inside the atlas folder.")
		.addText((text) =>
			text
				.setPlaceholder(episodeFolderOf({ atlasFolder: settings.atlasFolder, episodeFolder: "" }))
				.setValue(settings.episodeFolder)
				.onChange(async (value) => {
					settings.episodeFolder = value.trim() === "" ? "" : normalizePath(value.trim());
					await plugin.saveSettings();
				}),
		);
	new Setting(container)
		.setName("Citation count")
		.setDesc("What the small number after an episode code counts.")
		.addDropdown((dropdown) =>
			dropdown
				.addOption("notes", "Citing notes")
				.addOption("occurrences", "Citations")
				.setValue(settings.citationCount)
				.onChange(async (value) => {
					settings.citationCount = value === "occurrences" ? "occurrences" : "notes";
					await plugin.saveSettings();
				}),
		);
	new Setting(container)
		.setName("Minimum count shown")
		.setDesc("Counts below this are not shown. Set a high number to hide counts.")
		.addText((text) => {
			text.inputEl.type = "number";
			text.inputEl.min = "0";
			text
				.setValue(String(settings.citationCountMinimum))
				.onChange(async (value) => {
					const number = Number.parseInt(value, 10);
					if (!Number.isFinite(number) || number < 0) return;
					settings.citationCountMinimum = number;
					await plugin.saveSettings();
				});
		});
	new Setting(container)
		.setName("Cited by section in episode notes")
		.setDesc("Keep a generated list of citing passages at the end of each episode note. Text outside its markers is never changed. Turning this off removes the sections.")
		.addToggle((toggle) =>
			toggle.setValue(settings.citedBySection).onChange(async (value) => {
				settings.citedBySection = value;
				await plugin.saveSettings();
			}),
		);
}
