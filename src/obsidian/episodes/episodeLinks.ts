/** What a code link does: open its episode note (or offer to create it) and show Obsidian's page preview on hover. */
import { Keymap, type HoverParent, type TFile, type UserEvent } from "obsidian";
import { CreateEpisodeModal } from "./CreateEpisodeModal";
import type { EpisodeIndexer } from "./EpisodeIndexer";

/** The episode note of a code: the one the index knows, else the one in the episode folder. */
export function episodeFile(indexer: EpisodeIndexer, code: string): TFile | null {
	const known = indexer.index.episodePath(code);
	return indexer.app.vault.getFileByPath(known ?? `${indexer.episodeFolder === "" ? "" : `${indexer.episodeFolder}/`}${code}.md`);
}

/** Opens a code's episode note; mod-click opens a new tab (Obsidian's usual rule). A missing note is offered for creation. */
export function openEpisode(indexer: EpisodeIndexer, code: string, sourcePath: string, event?: UserEvent | null): void {
	const app = indexer.app;
	const newLeaf = Keymap.isModEvent(event ?? null);
	const file = episodeFile(indexer, code);
	if (file === null) {
		new CreateEpisodeModal(app, code, indexer.episodeFolder, newLeaf).open();
		return;
	}
	void app.workspace.openLinkText(app.metadataCache.fileToLinktext(file, sourcePath), sourcePath, newLeaf);
}

/** Asks the Page preview core plugin for a preview of the episode note, as a hovered internal link would. */
export function hoverEpisode(indexer: EpisodeIndexer, code: string, sourcePath: string, event: MouseEvent, targetEl: HTMLElement, hoverParent: HoverParent, source: string): void {
	const app = indexer.app;
	const file = episodeFile(indexer, code);
	if (file === null) return;
	app.workspace.trigger("hover-link", { event, source, hoverParent, targetEl, linktext: app.metadataCache.fileToLinktext(file, sourcePath), sourcePath });
}
