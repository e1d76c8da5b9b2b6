/**
 * Keeps a generated "Cited by" section in episode notes (when the setting is on), between markers. Writes only
 * when the section's text changed. Its own writes cannot loop: the index skips the generated section, so an
 * episode note whose only change is that section leaves the index unchanged and triggers nothing.
 */
import { Component, type App } from "obsidian";
import { applyCitedBy, findCitedBy, renderCitedBy, withoutMd } from "../../core";
import type { AtlasSettings } from "../settings/settings";
import type { EpisodeIndexer, IndexerEvent } from "./EpisodeIndexer";

/** Wait after the last change before writing, so typing in a citing note does not rewrite episode notes on every key. */
const DELAY_MS = 2000;

/** The sync, a child component of the plugin. */
export class CitedBySync extends Component {
	private readonly dirty = new Set<string>();
	private timer = 0;
	private running: Promise<void> = Promise.resolve();
	/** The setting as last seen: turning it off removes the sections once. */
	private wasEnabled = false;

	constructor(
		private readonly app: App,
		private readonly indexer: EpisodeIndexer,
		private readonly settings: () => AtlasSettings,
	) {
		super();
	}

	override onload(): void {
		this.register(this.indexer.subscribe((event) => this.changed(event)));
	}

	override onunload(): void {
		if (this.timer !== 0) window.clearTimeout(this.timer);
	}

	/** Updates (or, with the setting off, removes) the section of every episode note now. */
	syncAll(): Promise<void> {
		for (const code of this.indexer.index.codes()) this.dirty.add(code);
		return this.flush();
	}

	/** Writes the pending codes' sections; resolves when done. */
	flush(): Promise<void> {
		if (this.timer !== 0) window.clearTimeout(this.timer);
		this.timer = 0;
		const codes = [...this.dirty];
		this.dirty.clear();
		this.running = this.running.then(async () => {
			for (const code of codes) await this.syncCode(code);
		});
		return this.running;
	}

	private changed(event: IndexerEvent): void {
		if (!this.indexer.ready) return;
		if ("reset" in event) {
			const enabled = this.settings().citedBySection;
			if (enabled || this.wasEnabled) void this.syncAll();
			this.wasEnabled = enabled;
			return;
		}
		if (!this.settings().citedBySection) return;
		for (const code of event.codes) this.dirty.add(code);
		if (this.timer === 0) this.timer = window.setTimeout(() => void this.flush(), DELAY_MS);
	}

	private async syncCode(code: string): Promise<void> {
		const path = this.indexer.index.episodePath(code);
		const file = path === undefined ? null : this.app.vault.getFileByPath(path);
		if (file === null) return;
		const enabled = this.settings().citedBySection;
		const current = await this.app.vault.cachedRead(file);
		if (!enabled && findCitedBy(current) === null) return;
		const section = enabled ? renderCitedBy(this.indexer.index.groups(code), this.indexer.index.syntax, (p) => this.linkText(p, file.path)) : null;
		if (applyCitedBy(current, section) === current) return;
		await this.app.vault.process(file, (text) => applyCitedBy(text, section));
	}

	private linkText(path: string, from: string): string {
		const file = this.app.vault.getFileByPath(path);
		return file === null ? withoutMd(path) : this.app.metadataCache.fileToLinktext(file, from);
	}
}
