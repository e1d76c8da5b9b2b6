/**
 * One graph on screen: the canvas, the layout worker feeding it, and the controls around it (search with highlight or
 * filter, fit, a legend whose entries toggle node types, an optional depth slider) plus the tooltip. The atlas graph
 * view and the code block both use it; every text is set as text, never as HTML.
 */
import { Component, Menu, Platform, setIcon } from "obsidian";
import { adjacencyOf, type Adjacency } from "../../core/graph/adjacency";
import { carryIndices, carryPositions } from "../../core/graph/carryPositions";
import { KIND_LABELS, NODE_KINDS } from "../../core/graph/kinds";
import { layoutGraphOf } from "../../core/graph/layoutGraph";
import { placeMissing } from "../../core/graph/seedPositions";
import type { Graph, GraphNode, GraphNodeKind } from "../../core/graph/model";
import { nodeSummary } from "../../core/graph/nodeSummary";
import { countMask, searchNodes } from "../../core/graph/search";
import { GraphCanvas, type DragPhase } from "./canvas/GraphCanvas";
import { LayoutClient, type LayoutFrame } from "./worker/LayoutClient";

/** What the panel needs from its host (the view, the code block, the harness). */
export interface GraphPanelHost {
	/** Opens a node's note; `event` tells a plain click from a mod-click (new tab). */
	open(node: GraphNode, event: MouseEvent): void;
	/** Asks Obsidian for its page preview of a node. */
	hover(node: GraphNode, event: MouseEvent, target: HTMLElement): void;
	/** The layout worker's code (null: run the layout on the main thread). */
	workerSource: string | null;
	/** Offers "Open local graph" in a node's menu when given. */
	openLocal?(node: GraphNode): void;
}

/** A graph and where to start its layout from. */
export interface PanelContent {
	graph: Graph;
	/** Start positions (NaN where unknown); undefined: a fresh hierarchy-seeded layout. */
	positions?: Float32Array;
	pinned?: number[];
	/** Node to mark and keep in view (local graph centre), or -1. */
	focus?: number;
	/** Fit the view once the layout posts its first frame (default: only the first time). */
	fit?: boolean;
	/** Continue a layout that was still moving at this alpha (see `LayoutOptions.alpha`). */
	alpha?: number;
}

/** Options. */
export interface GraphPanelOptions {
	/** Fewer controls (code blocks). */
	compact?: boolean;
	labels?: boolean;
	/** Shows a depth slider (local graph) with this value, calling back on change. */
	depth?: { value: number; onChange: (depth: number) => void };
	/** Called when the layout settles or a node is dragged, with what to persist. */
	onSettled?: (graph: Graph, positions: Float32Array, pinned: number[]) => void;
	/** Layout seed (default 1). */
	seed?: number;
}

const SEARCH_DELAY_MS = 150;
/** How warm the layout is kept while a node is dragged, on its drop, and when a node is unpinned. */
const DRAG_ALPHA = 0.15;
const DROP_ALPHA = 0.05;
const UNPIN_ALPHA = 0.1;
/** How long the "hold Ctrl to zoom" hint of a code block stays up. */
const HINT_MS = 1500;

/** The graph panel. */
export class GraphPanel {
	readonly rootEl: HTMLElement;
	/** The renderer (exposed for the view's tests and the harness). */
	readonly canvas: GraphCanvas;
	private readonly stageEl: HTMLElement;
	private readonly tooltipEl: HTMLElement;
	private readonly legendEl: HTMLElement;
	private readonly statusEl: HTMLElement;
	private searchEl: HTMLInputElement | null = null;
	private filterButtonEl: HTMLElement | null = null;
	private readonly layout: LayoutClient;
	private graph: Graph;
	/** Built on the first tooltip of the graph shown (the open has more urgent work). */
	private adjacency: Adjacency | null = null;
	private readonly hiddenKinds = new Set<GraphNodeKind>();
	private filterMode = false;
	private query = "";
	private matches: Uint8Array | null = null;
	private pinned = new Set<number>();
	private needsFit = true;
	private settled = false;
	/** Every place was known at the show, so the picture was settled at once: the layout's first frame only confirms it. */
	private settledAtShow = false;
	private allowed: Uint8Array | null = null;
	/** Whether the layout has posted a frame since the graph was last shown, and the alpha of the last one. */
	private framed = false;
	private lastAlpha = 0;
	/** The start positions of the graph shown (null: a fresh layout), for an update that comes before any frame. */
	private startPositions: Float32Array | null = null;
	private focusIndex = -1;
	private searchTimer = 0;
	private hintTimer = 0;
	private destroyed = false;
	private readonly win: Window;
	/** Owns the panel's DOM listeners (`registerDomEvent`), all removed by `destroy`. */
	private readonly events = new Component();
	/** A child of `events` for the legend entries' listeners, replaced whenever the legend is rebuilt. */
	private legendEvents: Component | null = null;

	constructor(
		parent: HTMLElement,
		private readonly host: GraphPanelHost,
		private readonly options: GraphPanelOptions = {},
	) {
		const win = parent.ownerDocument.defaultView;
		if (win === null) throw new Error("The graph panel is not in a window");
		this.win = win;
		this.events.load();
		this.rootEl = parent.createDiv({ cls: ["research-atlas-graph", options.compact === true ? "is-compact" : ""] });
		const toolbar = this.rootEl.createDiv({ cls: "research-atlas-graph-toolbar" });
		this.buildToolbar(toolbar);
		this.stageEl = this.rootEl.createDiv({ cls: "research-atlas-graph-stage" });
		this.tooltipEl = this.stageEl.createDiv({ cls: "research-atlas-graph-tooltip", attr: { role: "tooltip" } });
		this.tooltipEl.hide();
		this.legendEl = this.rootEl.createDiv({ cls: "research-atlas-graph-legend" });
		this.statusEl = this.rootEl.createDiv({ cls: "research-atlas-graph-status", attr: { "aria-live": "polite" } });
		this.graph = { nodes: [], links: [], clusters: [] };
		this.canvas = new GraphCanvas(this.stageEl, this.graph, {
			labels: options.labels,
			onHover: (i, event) => this.hovered(i, event),
			onClick: (i, event) => {
				const node = this.graph.nodes[i];
				if (node !== undefined) this.host.open(node, event);
			},
			onDrag: (i, x, y, phase) => this.dragged(i, x, y, phase),
			wheelNeedsModifier: options.compact === true,
			onWheelHint: () => this.wheelHint(),
		});
		this.canvas.canvas.setAttribute("aria-label", "Atlas graph");
		this.events.registerDomEvent(this.canvas.canvas, "contextmenu", (event) => this.contextMenu(event));
		this.layout = new LayoutClient(win, host.workerSource, (frame) => this.frame(frame), (message) => this.status(`Layout error: ${message}`));
	}

	/** Shows a graph (the first one, or a new version after a vault change) and starts its layout. */
	show(content: PanelContent): void {
		this.graph = content.graph;
		this.adjacency = null;
		this.pinned = new Set(content.pinned ?? []);
		const seed = this.options.seed ?? 1;
		const layoutGraph = layoutGraphOf(content.graph);
		// Start positions that know no node (a first open: the store is empty) are a cold start for the canvas: the
		// layout places every node, off the main thread, and the canvas waits for them.
		const positions = content.positions !== undefined && content.positions.some((v) => !Number.isNaN(v)) ? content.positions : undefined;
		this.startPositions = positions?.slice() ?? null;
		this.focusIndex = content.focus ?? -1;
		if (content.fit === true) this.needsFit = true;
		this.framed = false;
		this.lastAlpha = 0;
		let missing = content.graph.nodes.length;
		if (positions !== undefined) {
			// Draw the known places at once, and new nodes where the layout will start them (beside their parent): the
			// same seeded placement the layout makes, so nothing jumps when its first frame arrives.
			this.canvas.setGraph(content.graph);
			const shown = Float32Array.from(positions);
			missing = placeMissing(layoutGraph, shown, seed);
			this.canvas.setPositions(shown, missing === 0);
			this.canvas.setFocus(this.focusIndex);
			if (this.needsFit && this.fitNow()) this.needsFit = false;
		} else {
			// A cold start: the canvas draws nothing until the layout's first frame brings real places (not every node at
			// (0, 0) with no zoom, which would draw every level of the graph for nothing), and prepares its drawing meanwhile.
			this.canvas.expectGraph(content.graph);
			this.canvas.setFocus(this.focusIndex);
		}
		// Every place known and nothing still moving: the layout starts settled (alpha 0) and will not move a node, so
		// this picture is the final one; the worker's first frame only confirms it.
		this.settledAtShow = positions !== undefined && missing === 0 && !(content.alpha !== undefined && content.alpha > 0);
		this.settled = this.settledAtShow;
		this.rootEl.toggleClass("is-settling", !this.settled);
		this.applyMasks();
		this.buildLegend();
		this.layout.start(layoutGraph, seed, content.positions?.slice(), [...this.pinned], content.alpha);
		this.status(content.graph.nodes.length === 0 ? "Nothing to show yet: import research pages or open a note of the atlas." : "");
	}

	/**
	 * Shows a new version of the graph: nodes keep their places, new ones start beside their parent (or at a `fallback`
	 * position by id) and settle while the rest holds still. A layout that was still moving goes on moving.
	 */
	update(graph: Graph, fallback: Record<string, [number, number]> = {}): void {
		const previous = this.graph;
		// Before the layout's first frame the canvas holds no real places yet: start again from what the last one started from.
		const base = this.framed ? this.canvas.getPositions() : (this.startPositions ?? new Float32Array(previous.nodes.length * 2).fill(NaN));
		const positions = carryPositions(previous, base, graph, fallback);
		const alpha = this.framed && !this.settled ? this.lastAlpha : undefined;
		const pinned = carryIndices(previous, this.pinned, graph);
		const focusId = previous.nodes[this.focusIndex]?.id;
		const focus = focusId === undefined ? -1 : graph.nodes.findIndex((node) => node.id === focusId);
		this.show({ graph, positions, pinned, focus, alpha });
	}

	/** Shows a message in the status line (empty graph, note outside the atlas). */
	setMessage(text: string): void {
		this.status(text);
	}

	/** Whether the layout runs in a web worker (false: the main-thread fallback). */
	layoutInWorker(): boolean {
		return this.layout.inWorker;
	}

	/** Whether the layout has come to rest since the graph was last shown. */
	isSettled(): boolean {
		return this.settled;
	}

	/** The pinned nodes. */
	getPinned(): number[] {
		return [...this.pinned];
	}

	/** The graph on screen. */
	getGraph(): Graph {
		return this.graph;
	}

	/** Sets the search text (as typing would) and applies it now. */
	search(query: string): void {
		if (this.searchEl !== null) this.searchEl.value = query;
		this.query = query;
		this.applyMasks();
	}

	/** Switches between highlighting matches and hiding everything else. */
	setFilterMode(on: boolean): void {
		this.filterMode = on;
		this.filterButtonEl?.toggleClass("is-active", on);
		this.filterButtonEl?.setAttr("aria-pressed", on ? "true" : "false");
		this.applyMasks();
	}

	/** Hides or shows a node type. */
	setKindHidden(kind: GraphNodeKind, hidden: boolean): void {
		if (hidden) this.hiddenKinds.add(kind);
		else this.hiddenKinds.delete(kind);
		this.applyMasks();
		this.buildLegend();
	}

	/** Fits the graph into the view. */
	fit(animate = true): void {
		this.canvas.fit(animate);
	}

	/** Re-reads theme colours. */
	refreshTheme(): void {
		this.canvas.refreshTheme();
	}

	/** Follows a size change of the container. */
	resize(): void {
		this.canvas.resize();
	}

	/** Stops the layout and removes everything. */
	destroy(): void {
		this.destroyed = true;
		this.win.clearTimeout(this.searchTimer);
		this.win.clearTimeout(this.hintTimer);
		this.events.unload();
		this.layout.destroy();
		this.canvas.destroy();
		this.rootEl.remove();
	}

	// ---- layout ----------------------------------------------------------------------------------------------

	private frame(frame: LayoutFrame): void {
		if (this.destroyed || frame.positions.length !== this.graph.nodes.length * 2) return;
		// The start positions come back unchanged from a layout that started settled: they are on screen already.
		const echo = this.settledAtShow && frame.settled && frame.tick === 0;
		this.settledAtShow = false;
		if (!echo) this.canvas.setPositions(frame.positions, frame.settled);
		this.framed = true;
		this.lastAlpha = frame.alpha;
		if (this.needsFit) {
			this.needsFit = false;
			this.canvas.fit(false);
		}
		// A settled frame posted before the layout received the latest reheat is not the end: that reheat's frames follow.
		this.settled = frame.settled && frame.current;
		this.rootEl.toggleClass("is-settling", !this.settled);
		if (this.settled) this.options.onSettled?.(this.graph, frame.positions, [...this.pinned]);
	}

	/** Warms the layout up again; the picture counts as settling from now, not from the layout's next frame. */
	private reheat(alpha: number): void {
		this.layout.reheat(alpha);
		this.settled = false;
		this.rootEl.toggleClass("is-settling", true);
	}

	/** Fits the view at once; false when the canvas has no size yet (nothing changed). */
	private fitNow(): boolean {
		const before = this.canvas.getTransform();
		this.canvas.fit(false);
		const after = this.canvas.getTransform();
		return before.x !== after.x || before.y !== after.y || before.k !== after.k;
	}

	private dragged(i: number, x: number, y: number, phase: DragPhase): void {
		if (phase === "start") this.pinned.add(i);
		this.layout.pin(i, x, y);
		// Kept warm for the whole drag, so the neighbours follow however long it lasts, and warm enough on the drop for them
		// to settle around the new place.
		if (phase !== "end") this.reheat(DRAG_ALPHA);
		else {
			this.reheat(DROP_ALPHA);
			this.options.onSettled?.(this.graph, this.canvas.getPositions(), [...this.pinned]);
		}
	}

	// ---- controls --------------------------------------------------------------------------------------------

	private buildToolbar(toolbar: HTMLElement): void {
		const search = toolbar.createEl("input", { cls: "research-atlas-graph-search", type: "search", placeholder: "Search notes…", attr: { "aria-label": "Search notes in the graph", spellcheck: "false" } });
		this.searchEl = search;
		this.events.registerDomEvent(search, "input", () => {
			this.win.clearTimeout(this.searchTimer);
			this.searchTimer = this.win.setTimeout(() => {
				this.query = search.value;
				this.applyMasks();
			}, SEARCH_DELAY_MS);
		});
		this.events.registerDomEvent(search, "keydown", (event) => {
			if (event.key === "Enter") this.focusFirstMatch();
			else if (event.key === "Escape" && search.value !== "") {
				event.stopPropagation();
				this.search("");
			}
		});
		this.filterButtonEl = this.iconButton(toolbar, "filter", "Show only matching notes", () => this.setFilterMode(!this.filterMode));
		this.filterButtonEl.setAttr("aria-pressed", "false");
		if (this.options.depth !== undefined) {
			const depth = this.options.depth;
			const label = toolbar.createEl("label", { cls: "research-atlas-graph-depth" });
			label.createSpan({ text: "Depth" });
			const slider = label.createEl("input", { type: "range", attr: { min: "1", max: "3", step: "1", "aria-label": "Link depth" } });
			slider.value = String(depth.value);
			const value = label.createSpan({ cls: "research-atlas-graph-depth-value", text: String(depth.value) });
			this.events.registerDomEvent(slider, "input", () => value.setText(slider.value));
			this.events.registerDomEvent(slider, "change", () => depth.onChange(Number(slider.value)));
		}
		this.iconButton(toolbar, "maximize", "Fit graph to view", () => this.fit(true));
	}

	private iconButton(parent: HTMLElement, icon: string, label: string, onClick: () => void): HTMLElement {
		const button = parent.createEl("button", { cls: ["clickable-icon", "research-atlas-graph-button"], attr: { "aria-label": label, type: "button" } });
		setIcon(button, icon);
		this.events.registerDomEvent(button, "click", onClick);
		return button;
	}

	private buildLegend(): void {
		this.legendEl.empty();
		// The old entries' listeners go with them (else they would pile up until the panel is destroyed).
		if (this.legendEvents !== null) this.events.removeChild(this.legendEvents);
		const legendEvents = this.events.addChild(new Component());
		this.legendEvents = legendEvents;
		const counts = new Map<GraphNodeKind, number>();
		for (const node of this.graph.nodes) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
		for (const kind of NODE_KINDS) {
			const count = counts.get(kind) ?? 0;
			if (count === 0) continue;
			const hidden = this.hiddenKinds.has(kind);
			const item = this.legendEl.createEl("button", {
				cls: ["research-atlas-graph-legend-item", `is-kind-${kind}`, hidden ? "is-hidden" : ""],
				attr: { type: "button", "aria-pressed": hidden ? "false" : "true", "aria-label": `${hidden ? "Show" : "Hide"} ${KIND_LABELS[kind].toLowerCase()}`, "data-kind": kind },
			});
			item.createSpan({ cls: "research-atlas-graph-legend-dot" });
			item.createSpan({ cls: "research-atlas-graph-legend-label", text: KIND_LABELS[kind] });
			item.createSpan({ cls: "research-atlas-graph-legend-count", text: String(count) });
			legendEvents.registerDomEvent(item, "click", () => this.setKindHidden(kind, !hidden));
		}
	}

	private applyMasks(): void {
		const n = this.graph.nodes.length;
		this.matches = searchNodes(this.graph, this.query);
		let allowed: Uint8Array | null = null;
		if (this.hiddenKinds.size > 0 || (this.filterMode && this.matches !== null)) {
			allowed = new Uint8Array(n);
			for (let i = 0; i < n; i++) {
				const node = this.graph.nodes[i];
				if (node === undefined || this.hiddenKinds.has(node.kind)) continue;
				if (this.filterMode && this.matches !== null && this.matches[i] !== 1) continue;
				allowed[i] = 1;
			}
		}
		this.allowed = allowed;
		this.pushMasks();
		this.rootEl.toggleClass("has-query", this.matches !== null);
		if (this.matches === null) this.status("");
		else {
			const found = countMask(this.matches);
			this.status(found === 0 ? "No matching notes" : `${found} matching ${found === 1 ? "note" : "notes"}${this.filterMode ? "" : ": press Enter to go to the first"}`);
		}
	}

	/** Hands the filter and highlight masks to the canvas. */
	private pushMasks(): void {
		this.canvas.setFilter(this.allowed);
		this.canvas.setHighlight(this.matches);
	}

	private focusFirstMatch(): void {
		if (this.matches === null) return;
		const first = this.matches.indexOf(1);
		if (first >= 0) this.canvas.centerOn(first, Math.max(this.canvas.getTransform().k, 1.2));
	}

	private wheelHint(): void {
		if (this.statusEl.textContent !== "" && this.hintTimer === 0) return;
		this.status(`Hold ${Platform.isMacOS ? "Cmd" : "Ctrl"} and scroll to zoom`);
		this.win.clearTimeout(this.hintTimer);
		this.hintTimer = this.win.setTimeout(() => {
			this.hintTimer = 0;
			this.status("");
		}, HINT_MS);
	}

	private status(text: string): void {
		this.statusEl.setText(text);
		this.statusEl.toggleClass("is-empty", text === "");
	}

	// ---- hover, tooltip and menu ----------------------------------------------------------------------------

	private hovered(i: number, event: MouseEvent | null): void {
		const node = this.graph.nodes[i];
		if (node === undefined || event === null) {
			this.tooltipEl.hide();
			return;
		}
		if (this.tooltipEl.dataset.node !== String(i)) {
			this.fillTooltip(i);
			this.host.hover(node, event, this.canvas.canvas);
		}
		this.placeTooltip(event);
		this.tooltipEl.show();
	}

	private fillTooltip(i: number): void {
		this.adjacency ??= adjacencyOf(this.graph);
		const summary = nodeSummary(this.graph, i, this.adjacency);
		this.tooltipEl.empty();
		this.tooltipEl.dataset.node = String(i);
		if (summary === null) return;
		this.tooltipEl.createDiv({ cls: "research-atlas-graph-tooltip-title", text: summary.title });
		this.tooltipEl.createDiv({ cls: "research-atlas-graph-tooltip-kind", text: summary.cluster === null ? summary.kind : `${summary.kind} · ${summary.cluster}` });
		if (summary.description !== "") this.tooltipEl.createDiv({ cls: "research-atlas-graph-tooltip-description", text: summary.description });
		this.tooltipEl.createDiv({ cls: "research-atlas-graph-tooltip-counts", text: summary.counts.join(" · ") });
		if (this.pinned.has(i)) this.tooltipEl.createDiv({ cls: "research-atlas-graph-tooltip-hint", text: "Pinned: right-click to unpin" });
	}

	private placeTooltip(event: MouseEvent): void {
		const stage = this.stageEl.getBoundingClientRect();
		const x = event.clientX - stage.left;
		const y = event.clientY - stage.top;
		// Above and to the right of the pointer, clear of the label drawn under the node; flipped to the left or below
		// near the edges so it stays inside the stage.
		const flipX = x > stage.width - 280;
		const flipY = y > 140;
		this.tooltipEl.style.setProperty("--research-atlas-tooltip-x", `${Math.round(x)}px`);
		this.tooltipEl.style.setProperty("--research-atlas-tooltip-y", `${Math.round(y)}px`);
		this.tooltipEl.toggleClass("is-flipped-x", flipX);
		this.tooltipEl.toggleClass("is-flipped-y", flipY);
	}

	private contextMenu(event: MouseEvent): void {
		const rect = this.canvas.canvas.getBoundingClientRect();
		const i = this.canvas.hitTest(event.clientX - rect.left, event.clientY - rect.top);
		const node = this.graph.nodes[i];
		if (node === undefined) return;
		event.preventDefault();
		const menu = new Menu();
		menu.addItem((item) => item.setTitle("Open in new tab").setIcon("file-plus").onClick(() => this.host.open(node, new MouseEvent("click", { ctrlKey: true, metaKey: true }))));
		if (this.host.openLocal !== undefined) menu.addItem((item) => item.setTitle("Open local graph").setIcon("git-fork").onClick(() => this.host.openLocal?.(node)));
		if (this.pinned.has(i)) {
			menu.addItem((item) =>
				item
					.setTitle("Unpin node")
					.setIcon("pin-off")
					.onClick(() => {
						this.pinned.delete(i);
						this.layout.unpin(i);
						this.reheat(UNPIN_ALPHA);
						this.tooltipEl.dataset.node = "";
					}),
			);
		}
		menu.showAtMouseEvent(event);
	}
}
