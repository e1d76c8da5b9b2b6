/**
 * The atlas graph as a workspace view: the whole atlas, or (local mode) the neighbourhood of a note within 1–3 links,
 * following the active file. A deferred view: nothing is built until the leaf is first shown.
 */
import { ItemView, Keymap, type HoverParent, type HoverPopover, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { noteBaseName } from "../../core/atlas/paths";
import type { GraphNode } from "../../core/graph/model";
import { pinnedFor, positionsFor } from "../../core/graph/storedPositions";
import { localGraph } from "../../core/graph/subgraph";
import type { GraphData } from "./GraphData";
import { GraphPanel, type GraphPanelHost } from "./GraphPanel";

/** The view type. */
export const GRAPH_VIEW_TYPE = "research-atlas-graph";

/** What a graph view's state holds (kept in the workspace layout). */
export interface GraphViewState {
	local: boolean;
	/** The local graph's centre note. */
	file: string | null;
	depth: number;
}

/** What the views share: the live graph, the worker code, and how to open another view. */
export interface GraphViewContext {
	data: GraphData;
	workerSource: string | null;
	openLocal(path: string): Promise<void>;
}

function readState(state: unknown): GraphViewState {
	const record = state !== null && typeof state === "object" ? (state as Record<string, unknown>) : {};
	const depth = typeof record.depth === "number" ? Math.min(3, Math.max(1, Math.round(record.depth))) : 1;
	return { local: record.local === true, file: typeof record.file === "string" ? record.file : null, depth };
}

/** The graph view. */
export class AtlasGraphView extends ItemView implements HoverParent {
	override navigation = false;
	hoverPopover: HoverPopover | null = null;
	private state: GraphViewState = { local: false, file: null, depth: 1 };
	private panel: GraphPanel | null = null;
	private unsubscribe: (() => void) | null = null;
	private mountTimer = 0;
	private closed = false;
	/** The revision and centre the panel shows, to skip work when nothing changed. */
	private shown: { revision: number; file: string | null; depth: number } | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly context: GraphViewContext,
	) {
		super(leaf);
	}

	override getViewType(): string {
		return GRAPH_VIEW_TYPE;
	}

	override getDisplayText(): string {
		if (!this.state.local) return "Atlas graph";
		const name = this.state.file === null ? undefined : noteBaseName(this.state.file);
		return name === undefined ? "Local atlas graph" : `Local atlas graph: ${name}`;
	}

	override getIcon(): string {
		return this.state.local ? "git-fork" : "orbit";
	}

	override getState(): Record<string, unknown> {
		return { ...this.state };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const next = readState(state);
		const modeChanged = next.local !== this.state.local;
		this.state = next;
		await super.setState(state, result);
		if (modeChanged && this.panel !== null) this.mount();
		else this.render();
	}

	/** The panel on screen (tests and the harness drive it). */
	getPanel(): GraphPanel | null {
		return this.panel;
	}

	override async onOpen(): Promise<void> {
		await this.context.data.ready;
		if (this.closed) return;
		// Obsidian sets the state right after opening the view: mount once it is in, so that opening a local graph never
		// starts by laying out the whole atlas.
		this.mountTimer = window.setTimeout(() => {
			this.mountTimer = 0;
			if (!this.closed && this.panel === null) this.mount();
		}, 0);
		this.unsubscribe = this.context.data.subscribe(() => this.render());
		this.registerEvent(
			this.app.workspace.on("file-open", (file) => {
				if (!this.state.local || file === null || file.path === this.state.file) return;
				this.state = { ...this.state, file: file.path };
				this.render();
				this.app.workspace.requestSaveLayout();
			}),
		);
		this.registerEvent(this.app.workspace.on("css-change", () => this.panel?.refreshTheme()));
	}

	override async onClose(): Promise<void> {
		this.closed = true;
		window.clearTimeout(this.mountTimer);
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.panel?.destroy();
		this.panel = null;
	}

	override onResize(): void {
		this.panel?.resize();
	}

	private mount(): void {
		this.panel?.destroy();
		this.shown = null;
		this.contentEl.empty();
		this.contentEl.addClass("research-atlas-graph-view");
		const host: GraphPanelHost = {
			open: (node, event) => this.open(node, event),
			hover: (node, event, target) => this.hover(node, event, target),
			workerSource: this.context.workerSource,
			openLocal: (node) => void this.context.openLocal(node.id),
		};
		this.panel = new GraphPanel(this.contentEl, host, {
			depth: this.state.local
				? {
						value: this.state.depth,
						onChange: (depth) => {
							this.state = { ...this.state, depth };
							this.render();
							this.app.workspace.requestSaveLayout();
						},
					}
				: undefined,
			// Only the whole-atlas graph writes positions: a local graph is a temporary arrangement.
			onSettled: this.state.local ? undefined : (graph, positions, pinned) => this.context.data.remember(graph, positions, pinned),
		});
		this.render();
	}

	private render(): void {
		const panel = this.panel;
		if (panel === null) return;
		const data = this.context.data;
		const previous = this.shown;
		if (previous !== null && previous.revision === data.revision && previous.file === this.state.file && previous.depth === this.state.depth) return;
		this.shown = { revision: data.revision, file: this.state.file, depth: this.state.depth };
		const graph = data.current();
		const stored = data.positions();
		if (!this.state.local) {
			if (previous === null) panel.show({ graph, positions: positionsFor(graph, stored), pinned: pinnedFor(graph, stored), fit: true });
			else panel.update(graph, stored.positions);
			return;
		}
		const center = graph.nodes.findIndex((node) => node.id === this.state.file);
		const sub = localGraph(graph, center, this.state.depth);
		const centre = sub.source.indexOf(center);
		const sameCentre = previous !== null && previous.file === this.state.file && previous.depth === this.state.depth;
		if (sameCentre) panel.update(sub.graph);
		else panel.show({ graph: sub.graph, focus: centre, fit: true });
		if (center < 0) panel.setMessage(this.state.file === null ? "Open a note to see its local atlas graph." : "This note is not part of the atlas graph.");
	}

	private open(node: GraphNode, event: MouseEvent): void {
		const file = this.app.vault.getFileByPath(node.id);
		if (file === null) return;
		const workspace = this.app.workspace;
		const mode = Keymap.isModEvent(event);
		const leaf = workspace.getLeaf(mode);
		// Never navigate the graph itself away: a plain click opens the note in another tab.
		void (leaf === this.leaf ? workspace.getLeaf("tab") : leaf).openFile(file);
	}

	private hover(node: GraphNode, event: MouseEvent, target: HTMLElement): void {
		this.app.workspace.trigger("hover-link", { event, source: GRAPH_VIEW_TYPE, hoverParent: this, targetEl: target, linktext: node.id, sourcePath: "" });
	}
}
