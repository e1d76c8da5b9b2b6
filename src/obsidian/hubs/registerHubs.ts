/** Wires the hubs feature: live notes, hub updates (and auto-update), commands, hub cards in reading view, the related-notes sidebar. */
import type { WorkspaceLeaf } from "obsidian";
import type ResearchAtlasPlugin from "../main";
import { revealLeaf } from "../workspace/revealLeaf";
import type { AtlasSettings } from "../settings/settings";
import { hubCardProcessor } from "./hubCardProcessor";
import { registerHubCommands } from "./hubCommands";
import { HubUpdater } from "./HubUpdater";
import { RELATED_VIEW_TYPE, RelatedNotesView } from "./RelatedNotesView";
import { VaultNotes } from "./VaultNotes";

/** The running feature, for tests. */
export interface HubFeature {
	notes: VaultNotes;
	updater: HubUpdater;
	showRelated: (path: string) => Promise<void>;
}

/** Registers everything on the plugin; all of it is undone when the plugin unloads. */
export function registerHubs(plugin: ResearchAtlasPlugin): HubFeature {
	const app = plugin.app;
	const settings = (): AtlasSettings => plugin.settings;
	const notes = plugin.addChild(new VaultNotes(app));
	const updater = plugin.addChild(new HubUpdater(app, notes, settings));

	plugin.registerView(RELATED_VIEW_TYPE, (leaf) => new RelatedNotesView(leaf, notes));
	plugin.registerHoverLinkSource(RELATED_VIEW_TYPE, { display: "Related notes", defaultMod: false });

	const showRelated = async (path: string): Promise<void> => {
		const workspace = app.workspace;
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(RELATED_VIEW_TYPE)[0] ?? null;
		if (leaf === null) {
			leaf = workspace.getRightLeaf(false);
			if (leaf === null) return;
			await leaf.setViewState({ type: RELATED_VIEW_TYPE, active: true });
		}
		await revealLeaf(workspace, leaf);
		if (leaf.view instanceof RelatedNotesView) leaf.view.showFor(path);
	};
	registerHubCommands(plugin, { notes, updater, showRelated });
	plugin.registerMarkdownPostProcessor(hubCardProcessor(app, (path) => void showRelated(path)));
	return { notes, updater, showRelated };
}
