/** The settings tab's building block: rows drawn the same way by the declarative API (1.13+) and by display(). */
import type { Setting } from "obsidian";

/** One setting: its name and description (also what settings search finds) and the control it draws. */
export interface SettingRow {
	name: string;
	desc: string;
	/** Adds the row's control to a Setting that already shows the name and description. */
	render(setting: Setting): void;
}

/** A titled group of rows, one per feature. */
export interface SettingSection {
	heading: string;
	rows: SettingRow[];
}
