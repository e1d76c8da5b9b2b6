/** Wires the episode-codes feature: index, reading view, Live Preview, commands, citations view, "Cited by" sync. */
import type { Events, WorkspaceLeaf } from "obsidian";
import type ResearchAtlasPlugin from "../main";
import { revealLeaf } from "../workspace/revealLeaf";
import type { AtlasSettings } from "../settings/settings";
import { CitedBySync } from "./CitedBySync";
import { codeLinkEditorExtension } from "./codeLinkEditorExtension";
import { codeLinkProcessor } from "./codeLinkProcessor";
import { registerEpisodeCommands } from "./episodeCommands";
import { CITATIONS_VIEW_TYPE, EpisodeCitationsView } from "./EpisodeCitationsView";
import { EpisodeIndexer } from "./EpisodeIndexer";

/** The running feature, for tests and for other features that want the index. */
export interface EpisodeFeature {
	indexer: EpisodeIndexer;
	citedBy: CitedBySync;
	showCitations: (code: string | null) => Promise<void>;
}

/** Registers everything on the plugin; all of it is undone when the plugin unloads. */
export function registerEpisodes(plugin: ResearchAtlasPlugin): EpisodeFeature {
	const app = plugin.app;
	const settings = (): AtlasSettings => plugin.settings;
	const indexer = plugin.addChild(new EpisodeIndexer(app, settings));
	const citedBy = plugin.addChild(new CitedBySync(app, indexer, settings));

	const cursorListeners = new Set<(code: string) => void>();
	const onCursorCode = (listener: (code: string) => void): (() => void) => {
		cursorListeners.add(listener);
		return () => cursorListeners.delete(listener);
	};
	const cursorMoved = (code: string | null): void => {
		if (code !== null) for (const listener of [...cursorListeners]) listener(code);
	};

	plugin.registerView(CITATIONS_VIEW_TYPE, (leaf) => new EpisodeCitationsView(leaf, { indexer, settings, onCursorCode }));
	plugin.registerHoverLinkSource(CITATIONS_VIEW_TYPE, { display: "Episode citations", defaultMod: false });
	plugin.registerMarkdownPostProcessor(codeLinkProcessor(indexer, settings));
	plugin.registerEditorExtension(codeLinkEditorExtension(indexer, settings, cursorMoved));

	const showCitations = async (code: string | null): Promise<void> => {
		const workspace = app.workspace;
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(CITATIONS_VIEW_TYPE)[0] ?? null;
		if (leaf === null) {
			leaf = workspace.getRightLeaf(false);
			if (leaf === null) return;
			await leaf.setViewState({ type: CITATIONS_VIEW_TYPE, active: true });
		}
		await revealLeaf(workspace, leaf);
		if (code !== null && leaf.view instanceof EpisodeCitationsView) leaf.view.showCode(code);
	};
	registerEpisodeCommands(plugin, { indexer, settings, showCitations });

	// The workspace as a plain event bus: the plugin announces its own settings changes on it (see main.ts).
	const bus: Events = app.workspace;
	plugin.registerEvent(bus.on("research-atlas:settings-changed", () => indexer.settingsChanged()));
	return { indexer, citedBy, showCitations };
}
