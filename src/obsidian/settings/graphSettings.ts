/** The graph section of the settings tab. */
import type ResearchAtlasPlugin from "../main";
import type { SettingSection } from "./settingSection";

/** The graph settings, as rows of the settings tab. */
export function graphSettings(plugin: ResearchAtlasPlugin): SettingSection {
	return {
		heading: "Atlas graph",
		rows: [
			{
				name: "Show other notes",
				desc: "Also show notes outside the atlas that link to atlas notes.",
				render: (setting) => {
					setting.addToggle((toggle) =>
						toggle.setValue(plugin.settings.graphIncludeOtherNotes).onChange(async (value) => {
							plugin.settings.graphIncludeOtherNotes = value;
							await plugin.saveSettings();
						}),
					);
				},
			},
			{
				name: "Reset layout",
				desc: "Forget saved node positions and pins; the next graph starts from a fresh layout.",
				render: (setting) => {
					setting.addButton((button) =>
						button.setButtonText("Reset").onClick(() => {
							plugin.app.workspace.trigger("research-atlas:reset-graph-layout");
						}),
					);
				},
			},
		],
	};
}
