/**
 * The vault's notes as NoteInfo, kept current from metadata-cache events (as obsidian-tasks' Cache): loaded once the
 * layout is ready and again after the first full resolve, then one note per event. Feeds hubs and "Explore related".
 */
import { Component, TFile, type App } from "obsidian";
import { firstParagraph, frontmatterDescription, hubSource, RelatedIndex, splitFrontmatter, taggedNotes, withoutMd, type HubSource, type HubSpec, type NoteInfo } from "../../core";
import { noteInfoOf } from "./noteInfoFromCache";

/** One note changed: its info before and after (null when it did not exist, or no longer does). */
export interface NoteChange {
	path: string;
	before: NoteInfo | null;
	after: NoteInfo | null;
}

/** Live NoteInfo for every Markdown note, and the related-notes index over them. */
export class VaultNotes extends Component {
	readonly notes = new Map<string, NoteInfo>();
	readonly related = new RelatedIndex();
	/** Moves on every change; views compare it with what they last drew. */
	revision = 0;
	private loaded = false;
	private readonly listeners = new Set<(change: NoteChange) => void>();
	private readonly paragraphs = new Map<string, { mtime: number; text: string }>();

	constructor(readonly app: App) {
		super();
	}

	override onload(): void {
		this.app.workspace.onLayoutReady(() => {
			this.loadAll();
			const cache = this.app.metadataCache;
			this.registerEvent(cache.on("changed", (file) => this.refresh(file)));
			// Links resolve after `changed`; `resolve` is when a note's resolvedLinks are current.
			this.registerEvent(cache.on("resolve", (file) => this.refresh(file)));
			// On a first start the cache may still be indexing at layout-ready: reload once it is complete.
			this.registerEvent(
				cache.on("resolved", () => {
					if (!this.loaded) this.loadAll();
					this.loaded = true;
				}),
			);
			this.registerEvent(
				this.app.vault.on("delete", (file) => {
					if (file instanceof TFile) this.forget(file.path);
				}),
			);
			this.registerEvent(
				this.app.vault.on("rename", (file, oldPath) => {
					if (!(file instanceof TFile)) return;
					this.forget(oldPath);
					if (file.extension === "md") this.refresh(file);
				}),
			);
		});
	}

	override onunload(): void {
		this.listeners.clear();
	}

	/** Calls `listener` after every change; returns the function that stops it. */
	subscribe(listener: (change: NoteChange) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Re-reads every note from the metadata cache. */
	loadAll(): void {
		this.notes.clear();
		for (const file of this.app.vault.getMarkdownFiles()) {
			const info = noteInfoOf(this.app, file);
			this.notes.set(file.path, info);
			this.related.set(info);
		}
		this.revision++;
	}

	/** A hub source for `spec`, with the first paragraph read (from the cache where current) for every tagged note without a description. */
	async sourceFor(spec: HubSpec, hubPath: string | null): Promise<HubSource> {
		const notes = [...this.notes.values()];
		const linkTarget = (path: string): string => {
			const file = this.app.vault.getFileByPath(path);
			return file === null ? withoutMd(path) : this.app.metadataCache.fileToLinktext(file, hubPath ?? "");
		};
		const probe = hubSource(notes, { linkTarget });
		const wanting = taggedNotes(probe, spec, hubPath).filter((note) => frontmatterDescription(note) === "");
		await Promise.all(wanting.map((note) => this.loadParagraph(note)));
		return hubSource(notes, { linkTarget, firstParagraph: (path) => this.paragraphs.get(path)?.text });
	}

	private async loadParagraph(note: NoteInfo): Promise<void> {
		const known = this.paragraphs.get(note.path);
		if (known !== undefined && known.mtime === note.mtime) return;
		const file = this.app.vault.getFileByPath(note.path);
		if (file === null) return;
		const text = await this.app.vault.cachedRead(file);
		this.paragraphs.set(note.path, { mtime: note.mtime, text: firstParagraph(splitFrontmatter(text).body) });
	}

	private refresh(file: TFile): void {
		if (file.extension !== "md") return;
		const before = this.notes.get(file.path) ?? null;
		const after = noteInfoOf(this.app, file);
		this.notes.set(file.path, after);
		this.related.set(after);
		this.emit({ path: file.path, before, after });
	}

	private forget(path: string): void {
		const before = this.notes.get(path) ?? null;
		if (before === null) return;
		this.notes.delete(path);
		this.related.remove(path);
		this.paragraphs.delete(path);
		this.emit({ path, before, after: null });
	}

	private emit(change: NoteChange): void {
		this.revision++;
		for (const listener of [...this.listeners]) listener(change);
	}
}
