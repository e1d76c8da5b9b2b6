/** The graph section of the settings tab. */
import { Setting } from "obsidian";
import type ResearchAtlasPlugin from "../main";

/** Draws the graph settings. */
export function displayGraphSettings(containerEl: HTMLElement, plugin: ResearchAtlasPlugin): void {
	new Setting(containerEl).setName("Atlas graph").setHeading();
	new Setting(containerEl)
		.setName("Show other notes")
		.setDesc("Also show notes outside the atlas that link to atlas notes.")
		.addToggle((toggle) =>
			toggle.setValue(plugin.settings.graphIncludeOtherNotes).onChange(async (value) => {
				plugin.settings.graphIncludeOtherNotes = value;
				await plugin.saveSettings();
			}),
		);
	new Setting(containerEl)
		.setName("Reset layout")
		.setDesc("Forget saved node positions and pins; the next graph starts from a fresh layout.")
		.addButton((button) =>
			button.setButtonText("Reset").onClick(() => {
				plugin.app.workspace.trigger("research-atlas:reset-graph-layout");
			}),
		);
}
