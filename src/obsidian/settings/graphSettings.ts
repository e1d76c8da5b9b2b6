/** The graph section of the settings tab. */
import type ResearchAtlasPlugin from "../main";
import type { SettingSection } from "./settingSection";
import { toggleRow } from "./settingRows";

/** The graph settings, as rows of the settings tab. */
export function graphSettings(plugin: ResearchAtlasPlugin): SettingSection {
	return {
		heading: "Atlas graph",
		rows: [
			toggleRow(plugin, "graphIncludeOtherNotes", "Show other notes", "Also show notes outside the atlas that link to atlas notes."),
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
