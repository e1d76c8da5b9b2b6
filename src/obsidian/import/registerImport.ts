/** Wires the import: a command over the source folder, and a file-menu item for chosen files or folders. */
import { Notice, TFile, TFolder, type TAbstractFile } from "obsidian";
import type ResearchAtlasPlugin from "../main";
import { filesBelow, sourceFiles } from "./readSources";
import { runImport } from "./runImport";

/** Registers the import command and menu item on the plugin. */
export function registerImport(plugin: ResearchAtlasPlugin): void {
	plugin.addCommand({
		id: "import-research-pages",
		name: "Import research pages",
		callback: () => {
			const files = sourceFiles(plugin.app.vault, plugin.settings.sourceFolder);
			if (files === null || files.length === 0) {
				new Notice(`Research Atlas: no pages found in "${plugin.settings.sourceFolder}". Choose the source folder in settings.`);
				return;
			}
			void runImport(plugin.app, plugin.settings, files);
		},
	});
	plugin.registerEvent(
		plugin.app.workspace.on("file-menu", (menu, node: TAbstractFile) => {
			if (!(node instanceof TFolder) && !(node instanceof TFile && node.extension !== "md")) return;
			menu.addItem((item) =>
				item
					.setTitle("Import into Research Atlas")
					.setIcon("network")
					.onClick(() => void runImport(plugin.app, plugin.settings, filesBelow(node))),
			);
		}),
	);
}
