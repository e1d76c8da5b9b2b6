/** Row builders for the settings that are a plain toggle or a folder: the same control, bound to one key. */
import { normalizePath } from "obsidian";
import type ResearchAtlasPlugin from "../main";
import { FolderSuggest } from "./FolderSuggest";
import type { AtlasSettings } from "./settings";
import type { SettingRow } from "./settingSection";

/** Keys of the settings whose values are exactly `T` (not a union of literals). */
type KeysOf<T> = { [K in keyof AtlasSettings]: [T] extends [AtlasSettings[K]] ? ([AtlasSettings[K]] extends [T] ? K : never) : never }[keyof AtlasSettings];

/** A row whose toggle turns the setting `key` on and off. */
export function toggleRow(plugin: ResearchAtlasPlugin, key: KeysOf<boolean>, name: string, desc: string): SettingRow {
	return {
		name,
		desc,
		render: (setting) => {
			setting.addToggle((toggle) =>
				toggle.setValue(plugin.settings[key]).onChange(async (value) => {
					plugin.settings[key] = value;
					await plugin.saveSettings();
				}),
			);
		},
	};
}

/** A folder as typed, as the settings keep it: normalized, and "" for the vault root (typed as "" or "/"). */
function folderSetting(value: string): string {
	const trimmed = value.trim();
	if (trimmed === "") return "";
	const path = normalizePath(trimmed);
	return path === "/" ? "" : path;
}

/**
 * A row for the folder setting `key`, suggesting the vault's folders as it is typed: empty (or "/") keeps the default
 * (shown by `placeholder`), anything else is normalized.
 */
export function folderRow(plugin: ResearchAtlasPlugin, key: KeysOf<string>, name: string, desc: string, placeholder?: () => string): SettingRow {
	return {
		name,
		desc,
		render: (setting) => {
			setting.addText((text) => {
				new FolderSuggest(plugin.app, text.inputEl);
				if (placeholder !== undefined) text.setPlaceholder(placeholder());
				text.setValue(plugin.settings[key]).onChange(async (value) => {
					plugin.settings[key] = folderSetting(value);
					await plugin.saveSettings();
				});
			});
		},
	};
}
