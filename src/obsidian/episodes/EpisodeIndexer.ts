/**
 * Keeps the core citation index in step with the vault (as obsidian-tasks' Cache): load every note once when the
 * layout is ready, in small slices so the app stays responsive, then update one note per vault event.
 */
import { Component, MarkdownView, TFile, type App, type TAbstractFile } from "obsidian";
import { CitationIndex, codeSyntax, episodeFolderOf, type CitationChange } from "../../core";
import type { AtlasSettings } from "../settings/settings";

/** Notes read per slice of the initial load. */
const SLICE = 200;
/** Wait after the last edit of the code pattern or the episode folder before re-indexing, so typing one is not a rebuild per key. */
export const REBUILD_DELAY_MS = 400;

/** What listeners hear: an index change, or `reset` when the index was replaced (new pattern or folder). */
export type IndexerEvent = CitationChange | { reset: true };

/** Owns the citation index for the plugin's lifetime. */
export class EpisodeIndexer extends Component {
	index: CitationIndex;
	/** Moves whenever the index changes or is replaced; views compare it with what they last drew. */
	revision = 0;
	/** Notes loaded so far and in total during the initial load. */
	progress = { done: 0, total: 0 };
	private generation = 0;
	private loaded = false;
	private unloaded = false;
	private rebuildTimer = 0;
	/** Notes an event indexed during the current load: the load's own (older) read of them must not overwrite that. */
	private fresh = new Set<string>();
	private readonly listeners = new Set<(event: IndexerEvent) => void>();
	private stopForwarding: () => void = () => undefined;

	constructor(
		readonly app: App,
		private readonly settings: () => AtlasSettings,
	) {
		super();
		this.index = this.createIndex();
	}

	/** True once the initial load finished. */
	get ready(): boolean {
		return this.loaded;
	}

	/** The episode folder the index uses. */
	get episodeFolder(): string {
		return this.index.episodeFolder;
	}

	override onload(): void {
		this.app.workspace.onLayoutReady(() => {
			// The plugin may have been disabled before the layout was ready.
			if (this.unloaded) return;
			this.registerEvent(
				this.app.metadataCache.on("changed", (file, data) => {
					if (file.extension !== "md") return;
					if (!this.loaded) this.fresh.add(file.path);
					this.index.setNote(file.path, data, file.stat.mtime);
				}),
			);
			this.registerEvent(
				this.app.vault.on("delete", (file) => {
					if (!(file instanceof TFile)) return;
					if (!this.loaded) this.fresh.add(file.path);
					this.index.removeNote(file.path);
				}),
			);
			this.registerEvent(this.app.vault.on("rename", (file, oldPath) => void this.renamed(file, oldPath)));
			void this.loadAll();
		});
	}

	override onunload(): void {
		this.unloaded = true;
		this.generation++;
		if (this.rebuildTimer !== 0) window.clearTimeout(this.rebuildTimer);
		this.stopForwarding();
		this.listeners.clear();
	}
	/** Calls `listener` after every change; returns the function that stops it. */
	subscribe(listener: (event: IndexerEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Settings moved. A new code pattern or episode folder rebuilds the index (after a short pause, so typing a
	 * pattern does not rebuild on every key) and re-renders open reading views, whose links were made with the old
	 * ones; anything else (count mode, minimum) only tells listeners to redraw, now.
	 */
	settingsChanged(): void {
		if (!this.needsRebuild()) {
			this.revision++;
			this.emit({ reset: true });
			return;
		}
		if (this.rebuildTimer !== 0) window.clearTimeout(this.rebuildTimer);
		this.rebuildTimer = window.setTimeout(() => {
			this.rebuildTimer = 0;
			if (!this.unloaded && this.needsRebuild()) this.rebuild();
		}, REBUILD_DELAY_MS);
	}

	/** Replaces the index for the current settings and loads it again. */
	rebuild(): void {
		this.index = this.createIndex();
		this.revision++;
		this.emit({ reset: true });
		this.rerenderReadingViews();
		if (this.app.workspace.layoutReady) void this.loadAll();
	}

	private needsRebuild(): boolean {
		const settings = this.settings();
		return codeSyntax(settings.codePattern).pattern !== this.index.syntax.pattern || episodeFolderOf(settings) !== this.index.episodeFolder;
	}

	/** Reading views keep the links the post-processor made; render them again so the new pattern applies. */
	private rerenderReadingViews(): void {
		for (const leaf of this.app.workspace.getLeavesOfType("markdown")) {
			if (leaf.view instanceof MarkdownView && leaf.view.getMode() === "preview") leaf.view.previewMode.rerender(true);
		}
	}

	/** Loads every Markdown note, a slice at a time, yielding to the app between slices. */
	async loadAll(): Promise<void> {
		const generation = ++this.generation;
		this.loaded = false;
		this.fresh.clear();
		const files = this.app.vault.getMarkdownFiles();
		this.progress = { done: 0, total: files.length };
		for (let start = 0; start < files.length; start += SLICE) {
			const slice = files.slice(start, start + SLICE);
			const texts = await Promise.all(slice.map((file) => this.app.vault.cachedRead(file).catch(() => null)));
			if (generation !== this.generation) return;
			this.index.batch(() => {
				slice.forEach((file, i) => {
					const text = texts[i];
					// A note may have changed or gone while it was read; the events will have handled it.
					if (text === null || text === undefined || this.fresh.has(file.path) || this.app.vault.getFileByPath(file.path) !== file) return;
					this.index.setNote(file.path, text, file.stat.mtime);
				});
			});
			this.progress = { done: Math.min(files.length, start + SLICE), total: files.length };
			await nextSlice();
			if (generation !== this.generation) return;
		}
		this.loaded = true;
		this.fresh.clear();
		this.revision++;
		this.emit({ reset: true });
	}

	private async renamed(file: TAbstractFile, oldPath: string): Promise<void> {
		if (!(file instanceof TFile)) return;
		if (!this.loaded) this.fresh.add(file.path);
		this.index.removeNote(oldPath);
		if (file.extension !== "md") return;
		// Re-read rather than re-key: moving a note in or out of the episode folder changes what it cites.
		const text = await this.app.vault.cachedRead(file).catch(() => null);
		if (text !== null && this.app.vault.getFileByPath(file.path) === file) this.index.setNote(file.path, text, file.stat.mtime);
	}

	private createIndex(): CitationIndex {
		this.stopForwarding();
		const settings = this.settings();
		const index = new CitationIndex({ codePattern: settings.codePattern, episodeFolder: episodeFolderOf(settings) });
		this.stopForwarding = index.onChange((change) => {
			this.revision++;
			this.emit(change);
		});
		return index;
	}

	private emit(event: IndexerEvent): void {
		for (const listener of [...this.listeners]) listener(event);
	}
}

function nextSlice(): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, 0));
}
