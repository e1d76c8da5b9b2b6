/** The episode commands: open an episode, show the citations of the code under the cursor, link and unlink codes. */
import { Notice, type Editor, type MarkdownFileInfo, type MarkdownView, type Plugin } from "obsidian";
import { codeAt, linkCodesEdits, unlinkCodesEdits, type TextEdit } from "../../core";
import type { AtlasSettings } from "../settings/settings";
import type { EpisodeIndexer } from "./EpisodeIndexer";
import { OpenEpisodeModal } from "./OpenEpisodeModal";

/** What the commands need from the feature. */
export interface EpisodeCommandContext {
	indexer: EpisodeIndexer;
	settings: () => AtlasSettings;
	/** Opens (or reveals) the citations view on a code. */
	showCitations: (code: string | null) => Promise<void>;
}

/** Registers the commands (no default hotkeys). */
export function registerEpisodeCommands(plugin: Plugin, context: EpisodeCommandContext): void {
	const { indexer } = context;
	plugin.addCommand({
		id: "open-episode",
		name: "Open episode…",
		callback: () => new OpenEpisodeModal(plugin.app, indexer, context.settings(), plugin.app.workspace.getActiveFile()?.path ?? "").open(),
	});
	plugin.addCommand({
		id: "open-episode-citations",
		name: "Open episode citations view",
		callback: () => void context.showCitations(null),
	});
	plugin.addCommand({
		id: "show-episode-citations",
		name: "Show citations of the episode under the cursor",
		editorCheckCallback: (checking: boolean, editor: Editor, info: MarkdownView | MarkdownFileInfo) => {
			const code = codeUnderCursor(editor, indexer) ?? (info.file ? indexer.index.episodeCodeOfNote(info.file.path) : undefined) ?? null;
			if (code === null) return false;
			if (!checking) void context.showCitations(code);
			return true;
		},
	});
	plugin.addCommand({
		id: "link-episode-codes",
		name: "Link episode codes in this note",
		editorCheckCallback: (checking: boolean, editor: Editor, info: MarkdownView | MarkdownFileInfo) => {
			const selfCode = info.file ? indexer.index.episodeCodeOfNote(info.file.path) : undefined;
			const edits = linkCodesEdits(editor.getValue(), indexer.index.syntax, selfCode);
			return runEdits(checking, editor, edits, (n) => `Linked ${n} episode ${n === 1 ? "code" : "codes"}.`);
		},
	});
	plugin.addCommand({
		id: "unlink-episode-codes",
		name: "Turn episode links into plain codes in this note",
		editorCheckCallback: (checking: boolean, editor: Editor) => {
			const edits = unlinkCodesEdits(editor.getValue(), indexer.index.syntax);
			return runEdits(checking, editor, edits, (n) => `Turned ${n} episode ${n === 1 ? "link" : "links"} into plain codes.`);
		},
	});
}

/** The code at the editor's cursor, or null. */
export function codeUnderCursor(editor: Editor, indexer: EpisodeIndexer): string | null {
	const cursor = editor.getCursor();
	return codeAt(editor.getLine(cursor.line), cursor.ch, indexer.index.syntax);
}

/** Applies edits as one editor transaction, so one undo reverts them all. */
function runEdits(checking: boolean, editor: Editor, edits: TextEdit[], message: (count: number) => string): boolean {
	if (edits.length === 0) return false;
	if (checking) return true;
	editor.transaction({ changes: edits.map((e) => ({ from: editor.offsetToPos(e.from), to: editor.offsetToPos(e.to), text: e.insert })) });
	new Notice(message(edits.length));
	return true;
}
