/**
 * "Explore related": a sidebar listing the notes most related to the active one, each with why (shared episodes,
 * links, tags, words). Redraws only when the active note or the notes' revision moved, and only while visible.
 */
import { ItemView, Keymap, setIcon, type HoverParent, type HoverPopover, type TFile, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import type { RelatedNote } from "../../core";
import type { VaultNotes } from "./VaultNotes";

/** The view type id. */
export const RELATED_VIEW_TYPE = "research-atlas-related";

/** Notes listed. */
const LIMIT = 25;
/** Delay that folds a burst of vault changes into one redraw. */
const REDRAW_DELAY = 300;

const REASON_ICONS: Record<RelatedNote["reasons"][number]["kind"], string> = {
	episodes: "quote",
	linked: "link",
	tags: "tag",
	links: "links-coming-in",
	words: "text",
};

/** The sidebar view. */
export class RelatedNotesView extends ItemView implements HoverParent {
	hoverPopover: HoverPopover | null = null;
	/** The note whose related notes are shown; follows the active note unless pinned by `showFor`. */
	path: string | null = null;
	private drawn = "";
	private pending = 0;
	private headerEl!: HTMLElement;
	private listEl!: HTMLElement;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly notes: VaultNotes,
	) {
		super(leaf);
	}

	getViewType(): string {
		return RELATED_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Related notes";
	}

	override getIcon(): string {
		return "git-fork";
	}

	override getState(): Record<string, unknown> {
		return { path: this.path };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		if (state !== null && typeof state === "object") {
			const { path } = state as { path?: unknown };
			if (typeof path === "string") this.path = path;
		}
		this.render(true);
		await super.setState(state, result);
	}

	protected override onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("research-atlas-related");
		this.headerEl = root.createDiv({ cls: "research-atlas-related-header" });
		this.listEl = root.createDiv({ cls: "research-atlas-related-list" });
		this.registerDomEvent(this.listEl, "click", (event) => this.clicked(event));
		this.registerDomEvent(this.listEl, "auxclick", (event) => {
			if (event.button === 1) this.clicked(event);
		});
		this.registerDomEvent(this.listEl, "mouseover", (event) => this.hovered(event));
		this.register(this.notes.subscribe(() => this.schedule()));
		this.registerEvent(this.app.workspace.on("file-open", (file) => this.follow(file)));
		this.registerEvent(this.app.workspace.on("layout-change", () => this.render(false)));
		this.follow(this.app.workspace.getActiveFile());
		return Promise.resolve();
	}

	protected override onClose(): Promise<void> {
		if (this.pending !== 0) window.clearTimeout(this.pending);
		return Promise.resolve();
	}

	/** Shows the notes related to `path`. */
	showFor(path: string): void {
		this.path = path;
		this.render(true);
	}

	private follow(file: TFile | null): void {
		if (file === null || file.extension !== "md" || file.path === this.path) return;
		this.showFor(file.path);
	}

	private schedule(): void {
		if (this.pending !== 0) return;
		this.pending = window.setTimeout(() => {
			this.pending = 0;
			this.render(false);
		}, REDRAW_DELAY);
	}

	/** Draws the list; skipped when nothing moved (unless forced) or while the view is hidden. */
	render(force: boolean): void {
		const key = `${this.path ?? ""}\u0000${this.notes.revision}`;
		if (!force && key === this.drawn) return;
		if (!force && !this.containerEl.isShown()) return;
		this.drawn = key;
		this.headerEl.empty();
		this.listEl.empty();
		const note = this.path === null ? undefined : this.notes.related.note(this.path);
		if (this.path === null || note === undefined) {
			this.headerEl.setText("Open a note to see the notes related to it.");
			return;
		}
		const related = this.notes.related.related(this.path, LIMIT);
		const title = this.headerEl.createDiv({ cls: "research-atlas-related-title" });
		title.createSpan({ text: "Related to " });
		title.createSpan({ cls: "research-atlas-related-subject", text: note.basename });
		if (related.length === 0) {
			this.listEl.createDiv({ cls: "research-atlas-related-empty", text: "No related notes: this note shares no episodes, links, tags or title words with another note." });
			return;
		}
		for (const item of related) {
			const row = this.listEl.createDiv({ cls: "research-atlas-related-item", attr: { "data-path": item.path } });
			const link = row.createEl("a", { cls: "research-atlas-related-link internal-link", text: item.title, attr: { "data-href": item.path, href: item.path } });
			link.setAttr("aria-label", `Open ${item.title}`);
			const reasons = row.createEl("ul", { cls: "research-atlas-related-reasons" });
			for (const reason of item.reasons) {
				const li = reasons.createEl("li", { cls: `research-atlas-related-reason research-atlas-related-reason-${reason.kind}` });
				setIcon(li.createSpan({ cls: "research-atlas-related-reason-icon" }), REASON_ICONS[reason.kind]);
				li.createSpan({ text: reason.text });
			}
		}
	}

	private itemPath(event: MouseEvent): { path: string; el: HTMLElement } | null {
		const target = event.target;
		if (!(target instanceof HTMLElement)) return null;
		const link = target.closest<HTMLElement>(".research-atlas-related-link");
		const path = link?.getAttribute("data-href");
		return link === null || path === null || path === undefined ? null : { path, el: link };
	}

	private clicked(event: MouseEvent): void {
		const hit = this.itemPath(event);
		if (hit === null) return;
		event.preventDefault();
		const file = this.app.vault.getFileByPath(hit.path);
		if (file === null) return;
		void this.app.workspace.openLinkText(this.app.metadataCache.fileToLinktext(file, this.path ?? ""), this.path ?? "", Keymap.isModEvent(event));
	}

	private hovered(event: MouseEvent): void {
		const hit = this.itemPath(event);
		if (hit === null) return;
		this.app.workspace.trigger("hover-link", { event, source: RELATED_VIEW_TYPE, hoverParent: this, targetEl: hit.el, linktext: hit.path, sourcePath: this.path ?? "" });
	}
}
