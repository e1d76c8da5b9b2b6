/**
 * The "Episode citations" sidebar: for the active episode note (or the code under the cursor), every citing
 * passage grouped by note, the code highlighted in its sentence. Each passage renders as Markdown with its own
 * Component, a child of this view, so everything it loads goes away with the view.
 */
import { Component, DropdownComponent, ItemView, Keymap, MarkdownRenderer, MarkdownView, Notice, setIcon, type HoverParent, type HoverPopover, type TFile, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { noteBaseName, type CitationGroup, type EpisodeCitation } from "../../core";
import type { AtlasSettings } from "../settings/settings";
import { episodeFile, hoverEpisode, openEpisode } from "./episodeLinks";
import type { EpisodeIndexer } from "./EpisodeIndexer";

/** The view type id. */
export const CITATIONS_VIEW_TYPE = "research-atlas-episode-citations";

/** Passages rendered before a "Show more" button, so a much-cited episode stays quick to open. */
const PAGE = 100;

/** How groups are ordered. */
export type CitationSort = "note" | "date";

/** What the view needs from the plugin. */
export interface CitationsViewContext {
	indexer: EpisodeIndexer;
	settings: () => AtlasSettings;
	/** Subscribes to "the code under the cursor changed"; returns the unsubscribe function. */
	onCursorCode: (listener: (code: string) => void) => () => void;
}

/** The sidebar view. */
export class EpisodeCitationsView extends ItemView implements HoverParent {
	hoverPopover: HoverPopover | null = null;
	code: string | null = null;
	sort: CitationSort = "note";
	filter = "";
	private readonly collapsed = new Set<string>();
	private limit = PAGE;
	private drawnRevision = -1;
	private drawnKey = "";
	private passages: Component[] = [];
	private titleEl!: HTMLElement;
	private summaryEl!: HTMLElement;
	private statusEl!: HTMLElement;
	private listEl!: HTMLElement;
	private pending = 0;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly context: CitationsViewContext,
	) {
		super(leaf);
	}

	getViewType(): string {
		return CITATIONS_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Episode citations";
	}

	override getIcon(): string {
		return "quote";
	}

	override getState(): Record<string, unknown> {
		return { code: this.code, sort: this.sort };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		if (state !== null && typeof state === "object") {
			const { code, sort } = state as { code?: unknown; sort?: unknown };
			if (typeof code === "string") this.code = code;
			if (sort === "note" || sort === "date") this.sort = sort;
		}
		this.render(true);
		await super.setState(state, result);
	}

	protected override onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("research-atlas-citations");
		const header = root.createDiv({ cls: "research-atlas-citations-header" });
		this.titleEl = header.createDiv({ cls: "research-atlas-citations-title" });
		this.summaryEl = header.createDiv({ cls: "research-atlas-citations-summary" });
		const tools = root.createDiv({ cls: "research-atlas-citations-tools" });
		const search = tools.createEl("input", { type: "search", cls: "research-atlas-citations-filter", placeholder: "Filter passages", attr: { "aria-label": "Filter passages" } });
		this.registerDomEvent(search, "input", () => {
			this.filter = search.value;
			this.limit = PAGE;
			this.render(true);
		});
		new DropdownComponent(tools)
			.addOption("note", "Sort by note")
			.addOption("date", "Sort by date modified")
			.setValue(this.sort)
			.onChange((value) => {
				this.sort = value === "date" ? "date" : "note";
				this.render(true);
			});
		this.statusEl = root.createDiv({ cls: "research-atlas-citations-status" });
		this.listEl = root.createDiv({ cls: "research-atlas-citations-list" });

		this.registerDomEvent(this.titleEl, "click", (event) => {
			if (this.code !== null) openEpisode(this.context.indexer, this.code, "", event);
		});
		this.registerDomEvent(this.listEl, "click", (event) => this.clicked(event));
		this.registerDomEvent(this.listEl, "mouseover", (event) => this.hovered(event));
		this.register(this.context.indexer.subscribe(() => this.schedule()));
		this.register(this.context.onCursorCode((code) => this.showCode(code)));
		this.registerEvent(this.app.workspace.on("file-open", (file) => this.followFile(file)));
		this.registerEvent(this.app.workspace.on("layout-change", () => this.render(false)));
		this.followActiveFile();
		this.render(true);
		return Promise.resolve();
	}

	protected override onClose(): Promise<void> {
		if (this.pending !== 0) window.clearTimeout(this.pending);
		this.clearPassages();
		return Promise.resolve();
	}

	override onResize(): void {
		this.render(false);
	}

	/** Shows the citations of a code. */
	showCode(code: string): void {
		if (code === this.code) return;
		this.code = code;
		this.limit = PAGE;
		this.render(true);
	}

	/** Follows the active note when it is an episode note. */
	followActiveFile(): void {
		this.followFile(this.app.workspace.getActiveFile());
	}

	/** Shows an opened note's episode when it is an episode note; other notes leave the view as it is (so jumping to a passage keeps it). */
	followFile(file: TFile | null): void {
		const code = file === null ? undefined : this.context.indexer.index.episodeCodeOfNote(file.path);
		if (code !== undefined) this.showCode(code);
	}

	/** Redraws when something shown changed (`force`), or when the index moved since the last draw; only while visible. */
	render(force: boolean): void {
		if (this.listEl === undefined) return;
		const indexer = this.context.indexer;
		const key = `${this.code ?? ""}\u0000${this.sort}\u0000${this.filter}\u0000${this.limit}`;
		if (!force && this.drawnRevision === indexer.revision && this.drawnKey === key) return;
		if (!this.containerEl.isShown()) return;
		this.drawnRevision = indexer.revision;
		this.drawnKey = key;
		this.clearPassages();
		this.titleEl.empty();
		this.summaryEl.empty();
		this.statusEl.empty();
		this.listEl.empty();
		this.statusEl.toggleClass("is-hidden", indexer.ready);
		if (!indexer.ready) this.statusEl.setText(`Indexing notes… ${indexer.progress.done.toLocaleString()} of ${indexer.progress.total.toLocaleString()}`);
		const code = this.code;
		if (code === null) {
			this.titleEl.setText("No episode");
			this.listEl.createDiv({ cls: "research-atlas-citations-empty", text: "Open an episode note, or put the cursor on an episode code." });
			return;
		}
		this.drawTitle(code);
		const groups = this.groups(code);
		const all = indexer.index.groups(code);
		const total = all.reduce((n, g) => n + g.citations.length, 0);
		const shown = groups.reduce((n, g) => n + g.citations.length, 0);
		const summary = `${plural(all.length, "note")} · ${plural(total, "passage")}`;
		this.summaryEl.setText(this.filter.trim() === "" ? summary : `${shown} of ${plural(total, "passage")} match`);
		if (groups.length === 0) {
			this.listEl.createDiv({ cls: "research-atlas-citations-empty", text: total === 0 ? `No note cites ${code} yet.` : "No passage matches the filter." });
			return;
		}
		let budget = this.limit;
		for (const group of groups) {
			if (budget <= 0) break;
			budget = this.drawGroup(group, budget);
		}
		if (budget <= 0 && shown > this.limit) {
			this.listEl.createEl("button", { cls: "research-atlas-citations-more", text: `Show more (${shown - this.limit} left)` });
		}
	}

	/** The groups to show: filtered, sorted. */
	groups(code: string): CitationGroup[] {
		const needle = this.filter.trim().toLowerCase();
		const groups = this.context.indexer.index
			.groups(code)
			.map((g) => (needle === "" || g.path.toLowerCase().includes(needle) ? g : { ...g, citations: g.citations.filter((c) => matches(c, needle)) }))
			.filter((g) => g.citations.length > 0);
		if (this.sort === "date") groups.sort((a, b) => b.mtime - a.mtime || (a.path < b.path ? -1 : 1));
		return groups;
	}

	private drawTitle(code: string): void {
		const file = episodeFile(this.context.indexer, code);
		const title: unknown = file === null ? undefined : this.app.metadataCache.getFileCache(file)?.frontmatter?.title;
		this.titleEl.createSpan({ cls: "research-atlas-citations-code", text: code });
		if (typeof title === "string" && title !== "") this.titleEl.createSpan({ cls: "research-atlas-citations-episode-title", text: title });
		this.titleEl.toggleClass("is-unresolved", file === null);
		this.titleEl.setAttr("aria-label", file === null ? `No note for ${code} yet: click to create it` : `Open ${code}`);
	}

	/** Draws one note's passages (at most `budget`); returns the budget left. */
	private drawGroup(group: CitationGroup, budget: number): number {
		const collapsed = this.collapsed.has(group.path);
		const groupEl = this.listEl.createDiv({ cls: "research-atlas-citations-group" });
		groupEl.toggleClass("is-collapsed", collapsed);
		const header = groupEl.createDiv({ cls: "research-atlas-citations-group-header", attr: { "data-path": group.path } });
		const toggle = header.createSpan({ cls: "research-atlas-citations-collapse", attr: { "aria-label": collapsed ? "Expand" : "Collapse" } });
		setIcon(toggle, collapsed ? "chevron-right" : "chevron-down");
		header.createSpan({ cls: "research-atlas-citations-note", text: noteBaseName(group.path), attr: { "data-path": group.path } });
		header.createSpan({ cls: "research-atlas-citations-count", text: String(group.citations.length) });
		if (collapsed) return budget;
		const list = groupEl.createDiv({ cls: "research-atlas-citations-passages" });
		for (const citation of group.citations) {
			if (budget <= 0) break;
			budget--;
			const item = list.createDiv({ cls: "research-atlas-citation", attr: { "data-path": citation.path, "data-line": String(citation.line), "data-ch": String(citation.ch) } });
			if (citation.headings.length > 0) item.createDiv({ cls: "research-atlas-citation-headings", text: citation.headings.join(" › ") });
			const body = item.createDiv({ cls: "research-atlas-citation-text markdown-rendered" });
			const component = new Component();
			this.addChild(component);
			this.passages.push(component);
			void MarkdownRenderer.render(this.app, highlighted(citation), body, citation.path, component);
		}
		return budget;
	}

	private clearPassages(): void {
		for (const component of this.passages) this.removeChild(component);
		this.passages = [];
	}

	private clicked(event: MouseEvent): void {
		const target = event.target instanceof Element ? event.target : null;
		if (target === null) return;
		if (target.closest(".research-atlas-citations-more") !== null) {
			this.limit += PAGE;
			this.render(true);
			return;
		}
		const header = target.closest<HTMLElement>(".research-atlas-citations-group-header");
		if (header !== null) {
			const path = header.getAttribute("data-path") ?? "";
			if (target.closest(".research-atlas-citations-note") !== null) {
				void this.openAt(path, undefined, event);
				return;
			}
			if (this.collapsed.has(path)) this.collapsed.delete(path);
			else this.collapsed.add(path);
			this.render(true);
			return;
		}
		const item = target.closest<HTMLElement>(".research-atlas-citation");
		if (item === null) return;
		const path = item.getAttribute("data-path") ?? "";
		const link = target.closest<HTMLElement>("a.internal-link");
		if (link !== null) {
			event.preventDefault();
			const href = link.getAttribute("data-href") ?? link.getAttribute("href") ?? "";
			const code = this.context.indexer.index.syntax.exact.test(href) ? href : null;
			if (code !== null) openEpisode(this.context.indexer, code, path, event);
			else void this.app.workspace.openLinkText(href, path, Keymap.isModEvent(event));
			return;
		}
		if (target.closest("a") !== null) return;
		void this.openAt(path, { line: Number(item.getAttribute("data-line")), ch: Number(item.getAttribute("data-ch")) }, event);
	}

	private hovered(event: MouseEvent): void {
		const link = event.target instanceof Element ? event.target.closest<HTMLElement>("a.internal-link") : null;
		const item = link?.closest<HTMLElement>(".research-atlas-citation");
		if (link === null || link === undefined || item === null || item === undefined) return;
		const path = item.getAttribute("data-path") ?? "";
		const href = link.getAttribute("data-href") ?? "";
		if (this.context.indexer.index.syntax.exact.test(href)) hoverEpisode(this.context.indexer, href, path, event, link, this, CITATIONS_VIEW_TYPE);
		else this.app.workspace.trigger("hover-link", { event, source: CITATIONS_VIEW_TYPE, hoverParent: this, targetEl: link, linktext: href, sourcePath: path });
	}

	/** Opens a citing note, at a line when given (1-based, as the index stores it). */
	private async openAt(path: string, at: { line: number; ch: number } | undefined, event: MouseEvent): Promise<void> {
		const file = this.app.vault.getFileByPath(path);
		if (file === null) {
			new Notice(`"${path}" no longer exists.`);
			return;
		}
		const leaf = this.app.workspace.getLeaf(Keymap.isModEvent(event));
		await leaf.openFile(file, at === undefined ? { active: true } : { active: true, eState: { line: at.line - 1 } });
		const view = leaf.view instanceof MarkdownView ? leaf.view : null;
		const editor = view?.getMode() === "source" ? view.editor : undefined;
		if (at !== undefined && editor !== undefined) {
			const position = { line: at.line - 1, ch: at.ch };
			editor.setCursor(position);
			editor.scrollIntoView({ from: position, to: position }, true);
		}
	}

	private schedule(): void {
		if (this.pending !== 0) return;
		// While the index loads it changes many times a second; draw at most four times a second.
		this.pending = window.setTimeout(() => {
			this.pending = 0;
			this.render(false);
		}, 250);
	}
}

/**
 * The sentence as Markdown with the mention wrapped in `==…==`, so Obsidian draws it highlighted. Footnote
 * references (`[^2]`) go: their footnotes are not part of the passage, so they would show as raw text.
 */
export function highlighted(citation: EpisodeCitation): string {
	const [from, to] = citation.highlight;
	const s = citation.sentence;
	const clean = (text: string): string => text.replace(FOOTNOTE_REF, "");
	return `${clean(s.slice(0, from))}==${s.slice(from, to)}==${clean(s.slice(to))}`;
}

const FOOTNOTE_REF = /\[\^[^\]\s]+\]/g;

function matches(citation: EpisodeCitation, needle: string): boolean {
	return citation.sentence.toLowerCase().includes(needle) || citation.headings.some((h) => h.toLowerCase().includes(needle));
}

function plural(count: number, noun: string): string {
	return `${count.toLocaleString()} ${noun}${count === 1 ? "" : "s"}`;
}
