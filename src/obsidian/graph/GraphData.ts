/**
 * The atlas graph kept current for every graph on screen: notes from the metadata cache (loaded once the layout is
 * ready, then one note per change), the graph rebuilt after a short quiet period when something that matters to it
 * changed, and the persisted positions (renames carry a node's place along).
 */
import { Component, debounce, normalizePath, TFile, type App, type TAbstractFile } from "obsidian";
import { buildGraph } from "../../core/graph/build";
import type { Graph } from "../../core/graph/model";
import { emptyPositions, prunePositions, recordPositions, renamePositions, type StoredPositions } from "../../core/graph/storedPositions";
import type { NoteInfo } from "../../core/vault/noteInfo";
import { noteInfoOf } from "../hubs/noteInfoFromCache";
import type { PositionStore } from "./positionFile";

/** Quiet time before a vault change rebuilds the graph (typing in a note fires many events). */
const REBUILD_DELAY_MS = 400;
/** Quiet time before positions are written. */
const SAVE_DELAY_MS = 2000;

/** What a graph depends on in a note; other edits (the body text) never rebuild the graph. */
function graphFacts(note: NoteInfo): string {
	const f = note.frontmatter;
	return JSON.stringify([note.path, f.type, f.title, f.description, f.cluster, f.clusters, f.subtopics, f.hub, note.tags, note.links]);
}

/** The live graph and its stored positions. */
export class GraphData extends Component {
	private readonly notes = new Map<string, NoteInfo>();
	private graph: Graph | null = null;
	private stored: StoredPositions = emptyPositions();
	private readonly listeners = new Set<() => void>();
	private loaded = false;
	/** The "other notes" setting the current graph was built with. */
	private included: boolean;
	private readyResolve: () => void = () => undefined;
	/** Resolves once notes and positions are loaded. */
	readonly ready: Promise<void>;
	/** Moves whenever the graph changed. */
	revision = 0;

	private readonly rebuildSoon = debounce(() => this.changed(), REBUILD_DELAY_MS, true);
	private readonly saveSoon = debounce(() => void this.file.write(this.stored), SAVE_DELAY_MS, true);

	constructor(
		private readonly app: App,
		private readonly file: PositionStore,
		private readonly includeOtherNotes: () => boolean,
	) {
		super();
		this.included = includeOtherNotes();
		this.ready = new Promise((resolve) => (this.readyResolve = resolve));
	}

	override onload(): void {
		this.app.workspace.onLayoutReady(() => void this.start());
	}

	override onunload(): void {
		this.rebuildSoon.cancel();
		// Write pending positions now rather than lose them.
		this.saveSoon.run();
		this.listeners.clear();
	}

	/** The current graph (built on first use after a change). */
	current(): Graph {
		if (this.graph === null) {
			this.included = this.includeOtherNotes();
			this.graph = buildGraph([...this.notes.values()], { includeOtherNotes: this.included });
		}
		return this.graph;
	}

	/** The stored positions (read only; use `remember` to change them). */
	positions(): StoredPositions {
		return this.stored;
	}

	/** Stores a graph's positions and pins, written to disk after a quiet period. */
	remember(graph: Graph, positions: Float32Array, pinned: number[]): void {
		recordPositions(this.stored, graph, positions, pinned);
		this.saveSoon();
	}

	/** Forgets every stored position (the next layout starts fresh). */
	async forgetPositions(): Promise<void> {
		this.stored = emptyPositions();
		this.saveSoon.cancel();
		await this.file.write(this.stored);
		this.changed();
	}

	/** Rebuilds now when a settings change altered what the graph shows (other settings leave it alone). */
	rebuild(): void {
		if (this.includeOtherNotes() !== this.included) this.changed();
	}

	/** Calls `listener` after each graph change; returns the function that stops it. */
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private async start(): Promise<void> {
		try {
			this.stored = await this.file.read();
		} catch {
			// Unreadable positions only cost a fresh layout.
			this.stored = emptyPositions();
		}
		this.loadAll();
		const cache = this.app.metadataCache;
		this.registerEvent(cache.on("changed", (file) => this.refresh(file)));
		// Links resolve after `changed`: `resolve` is when a note's resolved links are current.
		this.registerEvent(cache.on("resolve", (file) => this.refresh(file)));
		this.registerEvent(
			cache.on("resolved", () => {
				// On a first start the cache may still be indexing at layout-ready: load again once it is complete.
				if (this.loaded) return;
				this.loaded = true;
				const before = this.signature();
				this.loadAll();
				if (this.signature() !== before) this.changed();
			}),
		);
		this.registerEvent(this.app.vault.on("delete", (file) => this.forget(file)));
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => this.renamed(file, oldPath)));
		prunePositions(this.stored, (id) => this.notes.has(id));
		this.readyResolve();
	}

	private loadAll(): void {
		this.notes.clear();
		for (const file of this.app.vault.getMarkdownFiles()) this.notes.set(file.path, noteInfoOf(this.app, file));
		this.graph = null;
	}

	private signature(): string {
		return [...this.notes.values()].map(graphFacts).sort().join("\n");
	}

	private refresh(file: TFile): void {
		if (file.extension !== "md") return;
		const before = this.notes.get(file.path);
		const after = noteInfoOf(this.app, file);
		this.notes.set(file.path, after);
		if (before === undefined || graphFacts(before) !== graphFacts(after)) this.rebuildSoon();
	}

	private forget(file: TAbstractFile): void {
		let removed = false;
		for (const path of [...this.notes.keys()]) {
			if (path !== file.path && !path.startsWith(`${file.path}/`)) continue;
			this.notes.delete(path);
			removed = true;
		}
		if (removed) this.rebuildSoon();
	}

	private renamed(file: TAbstractFile, oldPath: string): void {
		renamePositions(this.stored, oldPath, file.path);
		// A renamed folder moves every note under it: follow each one to its new path.
		for (const path of [...this.notes.keys()]) {
			if (path !== oldPath && !path.startsWith(`${oldPath}/`)) continue;
			this.notes.delete(path);
			const moved = this.app.vault.getFileByPath(normalizePath(`${file.path}${path.slice(oldPath.length)}`));
			if (moved !== null && moved.extension === "md") this.notes.set(moved.path, noteInfoOf(this.app, moved));
		}
		if (file instanceof TFile && file.extension === "md" && !this.notes.has(file.path)) this.notes.set(file.path, noteInfoOf(this.app, file));
		this.saveSoon();
		this.rebuildSoon();
	}

	private changed(): void {
		this.graph = null;
		this.revision++;
		for (const listener of [...this.listeners]) listener();
	}
}
