/**
 * Builds and regenerates hubs inside Obsidian with the core's plan, writing only the region between the markers with
 * `vault.process`, and only when it changed. Optional auto-update: changes that concern a hub are collected and
 * applied after a quiet moment, never while that hub is the note being typed in, and never in reaction to its own writes.
 */
import { Component, MarkdownView, TFile, type App } from "obsidian";
import {
	createHub,
	findHubs,
	HUB_KEYS,
	hubsFolderOf,
	newHubSpec,
	planHub,
	readHubSpec,
	updatedHubText,
	type HubDefaults,
	type HubOutcome,
	type HubRequest,
	type HubSpec,
} from "../../core";
import type { AtlasSettings } from "../settings/settings";
import { ObsidianVault } from "../vault/ObsidianVault";
import { obsidianYaml } from "../vault/yaml";
import { hubsConcerned } from "./hubRelevance";
import type { NoteChange, VaultNotes } from "./VaultNotes";

/** Quiet time after the last relevant change before hubs are regenerated. */
export const AUTO_UPDATE_DELAY = 2000;
/** A hub the user typed in within this long is left alone until they pause. */
export const TYPING_PAUSE = 5000;
/** Our own write is recognised for this long after it was made. */
const OWN_WRITE_WINDOW = 5000;

/** Hub builds and updates for the plugin. */
export class HubUpdater extends Component {
	/** Hubs waiting for an automatic update. */
	readonly pending = new Set<string>();
	private timer: number | null = null;
	private readonly lastTyped = new Map<string, number>();
	private readonly ownWrites = new Map<string, number>();
	private running = false;

	constructor(
		readonly app: App,
		private readonly notes: VaultNotes,
		private readonly settings: () => AtlasSettings,
		private readonly clock: () => number = () => Date.now(),
	) {
		super();
	}

	override onload(): void {
		this.register(this.notes.subscribe((change) => this.noteChanged(change)));
		this.registerEvent(
			this.app.workspace.on("editor-change", (_editor, info) => {
				if (info.file !== null) this.lastTyped.set(info.file.path, this.clock());
			}),
		);
		this.register(() => this.cancelTimer());
	}

	/** What the settings give every hub. */
	defaults(): HubDefaults {
		const s = this.settings();
		return { sort: s.hubSort, excludeFolders: s.hubExcludeFolders, excludeKey: s.hubExcludeKey };
	}

	/** True for a note that records a hub tag. */
	isHub(file: TFile | null): file is TFile {
		if (file === null) return false;
		const note = this.notes.notes.get(file.path);
		return note !== undefined && readHubSpec(note, this.defaults()) !== null;
	}

	/** True for a hub whose updates are switched off (`hub_frozen: true`). */
	isFrozen(file: TFile): boolean {
		const note = this.notes.notes.get(file.path);
		return note !== undefined && readHubSpec(note, this.defaults())?.frozen === true;
	}

	/** Freezes or unfreezes a hub through its properties; unfreezing brings it up to date at once. */
	async setFrozen(file: TFile, frozen: boolean): Promise<HubOutcome | null> {
		await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
			if (frozen) frontmatter[HUB_KEYS.frozen] = true;
			else delete frontmatter[HUB_KEYS.frozen];
		});
		if (frozen) return null;
		// The cache may not have re-read the properties yet: plan from the spec the hub now has.
		return this.updateHub(file, { frozen: false });
	}

	/** Regenerates one hub; `null` when the note is not a hub. */
	async updateHub(file: TFile, override: Partial<HubSpec> = {}): Promise<HubOutcome | null> {
		const note = this.notes.notes.get(file.path);
		const read = note === undefined ? null : readHubSpec(note, this.defaults());
		if (read === null) return null;
		const spec = { ...read, ...override };
		if (spec.frozen) return { path: file.path, tag: spec.tag, status: "frozen", notes: 0, sections: 0 };
		const plan = planHub(await this.notes.sourceFor(spec, file.path), spec, file.path);
		let status: HubOutcome["status"] = "unchanged";
		// The current text is read inside `process`, so edits made meanwhile are kept around the new region.
		await this.app.vault.process(file, (data) => {
			const next = updatedHubText(data, plan);
			if (next === null) return data;
			status = "updated";
			this.ownWrites.set(file.path, this.clock());
			return next;
		});
		return { path: file.path, tag: spec.tag, status, notes: plan.members.length, sections: plan.sections };
	}

	/** Regenerates every hub in the vault. */
	async updateAll(): Promise<HubOutcome[]> {
		const out: HubOutcome[] = [];
		for (const hub of findHubs(this.notes.notes.values())) {
			const file = this.app.vault.getFileByPath(hub.path);
			if (file === null) continue;
			const outcome = await this.updateHub(file);
			if (outcome !== null) out.push(outcome);
		}
		return out;
	}

	/** Builds a hub in the hubs folder (or updates the hub of that tag already at its name) and returns its file. */
	async buildHub(request: Omit<HubRequest, "folder">): Promise<{ file: TFile | null; outcome: HubOutcome }> {
		const defaults = this.defaults();
		const folder = hubsFolderOf(this.settings());
		const source = await this.notes.sourceFor(newHubSpec(request.tag, request.sections, defaults), null);
		const outcome = await createHub(new ObsidianVault(this.app.vault), source, { ...request, folder }, defaults, obsidianYaml);
		if (outcome.status !== "unchanged") this.ownWrites.set(outcome.path, this.clock());
		return { file: this.app.vault.getFileByPath(outcome.path), outcome };
	}

	/** Runs what is pending now (tests, and the timer). Hubs being typed in stay pending. */
	async flush(): Promise<HubOutcome[]> {
		this.timer = null;
		if (this.running) {
			this.schedule();
			return [];
		}
		this.running = true;
		const out: HubOutcome[] = [];
		try {
			for (const path of [...this.pending]) {
				if (this.isBeingTyped(path)) continue;
				this.pending.delete(path);
				const file = this.app.vault.getFileByPath(path);
				if (file === null) continue;
				const outcome = await this.updateHub(file);
				if (outcome !== null) out.push(outcome);
			}
		} finally {
			this.running = false;
		}
		if (this.pending.size > 0) this.schedule();
		return out;
	}

	/** True while `path` is the active editor's note and the user typed in it moments ago. */
	isBeingTyped(path: string): boolean {
		const view = this.app.workspace.getActiveViewOfType(MarkdownView);
		if (view?.file?.path !== path) return false;
		const typed = this.lastTyped.get(path);
		return typed !== undefined && this.clock() - typed < TYPING_PAUSE;
	}

	private noteChanged(change: NoteChange): void {
		const wrote = this.ownWrites.get(change.path);
		if (wrote !== undefined) {
			// Our own write: the region changed, nothing a hub shows. Ignoring it is what keeps updates from looping.
			if (this.clock() - wrote < OWN_WRITE_WINDOW) return;
			this.ownWrites.delete(change.path);
		}
		if (!this.settings().hubAutoUpdate) return;
		const hubs = findHubs(this.notes.notes.values());
		if (change.before !== null && readHubSpec(change.before, this.defaults()) !== null && !hubs.some((h) => h.path === change.path)) hubs.push(change.before);
		const concerned = hubsConcerned(hubs, change.before, change.after, this.defaults());
		if (concerned.length === 0) return;
		for (const path of concerned) if (path !== change.path || change.after !== null) this.pending.add(path);
		this.schedule();
	}

	private schedule(): void {
		this.cancelTimer();
		this.timer = window.setTimeout(() => void this.flush(), AUTO_UPDATE_DELAY);
	}

	private cancelTimer(): void {
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = null;
	}
}
