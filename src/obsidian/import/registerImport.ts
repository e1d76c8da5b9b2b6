/** Wires the import: a command over the source folder, and a file-menu item for chosen files or folders. */
import { Notice, TFile, TFolder, type TAbstractFile } from "obsidian";
import type { ImportResult } from "../../core";
import type ResearchAtlasPlugin from "../main";
import { filesBelow, sourceFiles } from "./readSources";
import { runImport } from "./runImport";

/** What the import feature exposes (to the plugin, and to tests that await a run). */
export interface ImportFeature {
	/** Imports the configured source folder; null when there was nothing to import or a run was already going. */
	importSourceFolder(): Promise<ImportResult | null>;
	/** Imports a chosen file, or every file below a chosen folder. */
	importNode(node: TAbstractFile): Promise<ImportResult | null>;
	/** The run started last (resolved null before any). */
	lastRun: Promise<ImportResult | null>;
}

/** Drops the atlas's own notes from the files to import (they are not scraped pages). */
function withoutAtlas(files: TFile[], atlasFolder: string): TFile[] {
	return atlasFolder === "" ? files : files.filter((f) => !f.path.startsWith(`${atlasFolder}/`));
}

/** Registers the import command and menu item on the plugin. */
export function registerImport(plugin: ResearchAtlasPlugin): ImportFeature {
	let running = false;
	const start = (files: TFile[], what: string): Promise<ImportResult | null> => {
		if (running) {
			new Notice("Research Atlas: an import is already running.");
			return Promise.resolve(null);
		}
		const pages = withoutAtlas(files, plugin.settings.atlasFolder);
		if (pages.length === 0) {
			new Notice(`Research Atlas: no pages to import in ${what}.`);
			return Promise.resolve(null);
		}
		running = true;
		const run = runImport(plugin.app, plugin.settings, pages, plugin.manifest.version)
			.catch(() => null)
			.finally(() => {
				running = false;
			});
		feature.lastRun = run;
		return run;
	};
	const feature: ImportFeature = {
		lastRun: Promise.resolve(null),
		importSourceFolder: () => {
			const folder = plugin.settings.sourceFolder;
			const files = sourceFiles(plugin.app.vault, folder);
			const name = folder === "" ? "the vault" : `"${folder}"`;
			if (files === null) {
				new Notice(`Research Atlas: the source folder ${name} does not exist. Choose the folder holding the pages in Settings → Research Atlas → Source folder.`, 0);
				return Promise.resolve(null);
			}
			if (withoutAtlas(files, plugin.settings.atlasFolder).length === 0) {
				new Notice(`Research Atlas: the source folder ${name} holds no pages to import. Put the scraped pages there, or choose another folder in Settings → Research Atlas → Source folder.`, 0);
				return Promise.resolve(null);
			}
			return start(files, name);
		},
		importNode: (node) => start(filesBelow(node), `"${node.path}"`),
	};
	plugin.addCommand({
		id: "import-research-pages",
		name: "Import research pages",
		callback: () => void feature.importSourceFolder(),
	});
	plugin.registerEvent(
		plugin.app.workspace.on("file-menu", (menu, node: TAbstractFile) => {
			if (!(node instanceof TFolder) && !(node instanceof TFile && node.extension !== "md")) return;
			menu.addItem((item) =>
				item
					.setTitle("Import into Research Atlas")
					.setIcon("network")
					.onClick(() => void feature.importNode(node)),
			);
		}),
	);
	return feature;
}
