/**
 * The graph renderer: batched Canvas 2D (one path per colour for nodes, one for all edges), cluster outlines, a label
 * grid and semantic zoom, with d3-zoom, d3-drag and a d3-quadtree for hit-testing. DOM only, no `obsidian` import: the
 * Obsidian view, the code block, the browser harness and the benchmark all mount this same class. Drawing happens on
 * demand (one animation frame per change) and stops when nothing moves.
 */
import { drag, interpolateZoom, pointer, quadtree, select, zoom, zoomIdentity, type D3DragEvent, type Quadtree, type QuadtreeLeaf, type ZoomBehavior, type ZoomTransform } from "d3";
import { adjacencyOf, neighboursOf, type Adjacency } from "../../../core/graph/adjacency";
import { levelOf, NODE_KINDS } from "../../../core/graph/kinds";
import { LabelGrid, type LabelBox } from "../../../core/graph/labelGrid";
import type { Graph } from "../../../core/graph/model";
import { insideOutline, OutlineTracker, outlinesMoved, type Outline } from "../../../core/graph/outlines";
import { nodeRadius } from "../../../core/graph/radius";
import { boundsOf, fitTransform, maxLevelAt, type ViewTransform } from "../../../core/graph/viewTransform";
import { LabelAtlas, type AtlasSlot } from "./LabelAtlas";
import { FALLBACK_PALETTE, readPalette, type GraphPalette } from "./palette";
import { TextWidths } from "./textWidths";

/** What one draw did. */
export interface DrawStats {
	drawnNodes: number;
	drawnLinks: number;
	drawnLabels: number;
	/** Labels chosen but left for a following draw (each draw makes a few new label images at most). */
	pendingLabels: number;
	ms: number;
}

/** Phases of a node drag. */
export type DragPhase = "start" | "drag" | "end";

/** Options and callbacks. */
export interface GraphCanvasOptions {
	/** Hide notes and episodes when zoomed out (default true). */
	semanticZoom?: boolean;
	/** Draw labels (default true). */
	labels?: boolean;
	/** Zoom, pan, drag, hover and click (default true). */
	interactive?: boolean;
	/** Colours; read from the CSS variables around the container when omitted. */
	palette?: GraphPalette;
	/** The pointer entered a node (index) or left every node (-1). */
	onHover?: (index: number, event: MouseEvent | null) => void;
	onClick?: (index: number, event: MouseEvent) => void;
	/** A node is being dragged to (x, y) in world space. */
	onDrag?: (index: number, x: number, y: number, phase: DragPhase) => void;
	/** The view transform changed (zoom, pan, fit). */
	onTransform?: (transform: ViewTransform) => void;
	/**
	 * Inside a scrolling note (the code block): the wheel zooms only with Ctrl or Cmd held (a trackpad pinch sends that
	 * too), so scrolling past the graph scrolls the note; `onWheelHint` is told when a plain wheel went by.
	 */
	wheelNeedsModifier?: boolean;
	onWheelHint?: () => void;
}

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 8;
/** Share of the alpha used for nodes and links outside the hovered neighbourhood or the search matches. */
const DIM = 0.15;
const MAX_LABEL_CHARS = 42;
/** Padding of a cluster outline around its members, world units. */
const OUTLINE_PADDING = 14;
/** How far (CSS pixels) an outline may move on screen before the hull canvas is drawn again. */
const HULL_SLACK_PX = 0.5;
/** Outline points have no radius: their bounds are the points' own. */
const NO_RADIUS = new Float32Array(0);
/** Nodes a warm-up of the outline scans runs over (see `warmOutlineScans`). */
const WARM_UP_NODES = 2500;
/** How long after the last layout frame the outlines are computed again over every member (see OutlineTracker). */
const OUTLINE_SETTLE_MS = 200;
/** Label fonts per level (0: clusters, 1: sub-topics and hubs, 2+: the rest) and their line boxes, CSS pixels. */
const LABEL_WEIGHTS = ["600 13px", "500 12px", "11px"];
const LABEL_HEIGHTS = [17, 15, 15];
/** The halo's width around label text, CSS pixels. */
const HALO = 3;
/** New label images one draw makes at most (a first draw at the overview needs a few dozen, zoomed in up to 160). */
const NEW_LABELS_PER_DRAW = 12;
/** Printable ASCII: measured per label font ahead of the first draw. */
const COMMON_CHARACTERS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");

/** How stale the cluster outlines are: current, moved by the layout (a partial update will do), or moved at once. */
type OutlineState = "current" | "moving" | "jumped";

interface DragSubject {
	index: number;
	x: number;
	y: number;
}

/** Whether any coordinate differs between two position arrays of the same graph by more than `tolerance`. */
function movedBeyond(before: Float32Array, after: Float32Array, tolerance: number): boolean {
	if (before.length !== after.length) return true;
	for (let j = 0; j < after.length; j++) if (Math.abs((after[j] ?? 0) - (before[j] ?? 0)) > tolerance) return true;
	return false;
}

/** Truncates long titles for labels (the tooltip shows the whole title). */
function shortTitle(title: string): string {
	return title.length > MAX_LABEL_CHARS ? `${title.slice(0, MAX_LABEL_CHARS - 1).trimEnd()}…` : title;
}

/** Canvas renderer and interaction surface for one graph. */
export class GraphCanvas {
	/** The canvas element (for tests and screenshots). */
	readonly canvas: HTMLCanvasElement;
	private readonly context: CanvasRenderingContext2D;
	/**
	 * The cluster hulls, drawn into a canvas of their own (not in the document) that each frame starts from: large tinted
	 * areas are most of a frame's raster, and a moving layout barely moves them, so they are drawn again only once they
	 * moved on screen (see `paintHulls`). A second canvas in the document instead costs as much to composite as the copy.
	 */
	private readonly hullCanvas: HTMLCanvasElement;
	private readonly hullContext: CanvasRenderingContext2D;
	/** What the hull canvas shows: the outlines (copies) and the view and colours they were drawn with; null: nothing valid. */
	private hullsDrawn: { outlines: Outline[]; positions: Float32Array; transform: ViewTransform; width: number; height: number; palette: GraphPalette; onScreen: boolean } | null = null;
	private readonly options: GraphCanvasOptions;
	/** The container's window: popout windows have their own animation frames. */
	private readonly win: Window;
	private graph!: Graph;
	/** Built on the first hover of the graph in place (a cold open has more urgent work). */
	private adjacency: Adjacency | null = null;
	private radius!: Float32Array;
	private maxRadius = 0;
	private level!: Uint8Array;
	/** How many nodes the overview has (levels 0 and 1): a large one shows clusters alone when zoomed out. */
	private overviewSize = 0;
	private kindIndex!: Uint8Array;
	private clusterOf!: Int32Array;
	private positions: Float32Array;
	private outlines: Outline[] = [];
	private outlineState: OutlineState = "jumped";
	/** Built on first use for the graph and filter in place. */
	private outlineTracker: OutlineTracker | null = null;
	/** Per zoom level (0–3): the nodes of that level or a higher one, and the links between them; built on first use per graph. */
	private levelNodes: (Int32Array | undefined)[] = [];
	private levelLinks: (Int32Array | undefined)[] = [];
	/** The timer that computes outlines in full once the layout has stopped moving them. */
	private outlineSettle = 0;
	private tree: Quadtree<number> | null = null;
	/** Label widths per node, CSS pixels (NaN: not measured yet). */
	private labelWidths = new Float32Array(0);
	private readonly textWidths = new TextWidths();
	/** Label style strings per tier and mutedness, for the palette and pixel ratio they were made for. */
	private labelStyles: { key: string; palette: GraphPalette | null; styles: Map<number, string> } = { key: "", palette: null, styles: new Map() };
	/** Labels drawn once (halo and text), then copied each frame: text is slow to raster. */
	private readonly labelAtlas = new LabelAtlas();
	private palette: GraphPalette;
	/** Whether the palette came from the theme (or the options): read once the canvas is in the document. */
	private paletteRead: boolean;
	/** Set-up steps still to run, one per task, and the timer of the next (see `later`). */
	private readonly idleSteps: Array<() => void> = [];
	private prepareTimer = 0;
	/** The graph's positions are still to come (see `expectGraph`): nothing is drawn or hit until they do. */
	private awaiting = false;
	private transform: ViewTransform = { x: 0, y: 0, k: 1 };
	private width = 0;
	private height = 0;
	/** The last size the canvas had on screen (0 × 0 before it was ever shown): what the view was set up for. */
	private shownWidth = 0;
	private shownHeight = 0;
	/**
	 * Whether the user moved the view (zoom, pan, a jump to a node or cluster) since it was last fitted: until then a
	 * resize fits the graph again; after, it keeps the centre.
	 */
	private moved = false;
	/** Set while the canvas itself sets d3-zoom's transform: every other zoom event is the user's. */
	private applying = false;
	private ratio = 1;
	/** 1 where the filters (type toggles, search filter) allow a node; null: all allowed. */
	private allowed: Uint8Array | null = null;
	/** 1 for search matches; null: no search. */
	private highlighted: Uint8Array | null = null;
	private hovered = -1;
	private focus = -1;
	private frame = 0;
	private animation = 0;
	private destroyed = false;
	private zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown> | null = null;
	private resizeObserver: ResizeObserver | null = null;
	private lastStats: DrawStats = { drawnNodes: 0, drawnLinks: 0, drawnLabels: 0, pendingLabels: 0, ms: 0 };
	/** How many frames were drawn since creation (tests and the harness read it). */
	drawCount = 0;

	constructor(
		private readonly container: HTMLElement,
		graph: Graph,
		options: GraphCanvasOptions = {},
	) {
		this.options = options;
		const doc = container.ownerDocument;
		const win = doc.defaultView;
		if (win === null) throw new Error("The graph container is not in a window");
		this.win = win;
		this.hullCanvas = createEl("canvas");
		this.canvas = container.createEl("canvas", { cls: "research-atlas-graph-canvas" });
		const context = this.canvas.getContext("2d");
		const hullContext = this.hullCanvas.getContext("2d");
		if (context === null || hullContext === null) throw new Error("Canvas 2D is not available");
		this.context = context;
		this.hullContext = hullContext;
		this.palette = options.palette ?? FALLBACK_PALETTE;
		this.paletteRead = options.palette !== undefined;
		this.positions = new Float32Array(graph.nodes.length * 2);
		this.setGraph(graph);
		const Observer = (win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
		// With an observer, its first call (after the browser's own layout) gives the size: measuring here would force
		// that layout now, in the task that builds the view.
		if (Observer === undefined) this.measure();
		this.shownWidth = this.width;
		this.shownHeight = this.height;
		if (options.interactive !== false) this.listen();
		if (Observer !== undefined) {
			this.resizeObserver = new Observer(() => this.resize());
			this.resizeObserver.observe(container);
		}
		this.later(
			() => this.readTheme(),
			() => this.warmLabelFonts(),
			() => this.labelAtlas.prepare(this.ratio),
		);
	}

	/** Replaces the graph (after a vault change); positions must follow with `setPositions`. */
	setGraph(graph: Graph): void {
		this.graph = graph;
		const n = graph.nodes.length;
		this.awaiting = false;
		this.adjacency = null;
		this.levelNodes = [];
		this.levelLinks = [];
		this.radius = new Float32Array(n);
		this.level = new Uint8Array(n);
		this.kindIndex = new Uint8Array(n);
		this.clusterOf = new Int32Array(n);
		this.overviewSize = 0;
		graph.nodes.forEach((node, i) => {
			this.radius[i] = nodeRadius(node.kind, node.weight);
			this.level[i] = levelOf(node.kind);
			if (levelOf(node.kind) <= 1) this.overviewSize++;
			this.kindIndex[i] = NODE_KINDS.indexOf(node.kind);
			this.clusterOf[i] = node.cluster;
		});
		this.maxRadius = this.radius.reduce((max, r) => Math.max(max, r), 0);
		if (this.positions.length !== n * 2) this.positions = new Float32Array(n * 2);
		this.labelWidths = new Float32Array(n).fill(NaN);
		this.labelAtlas.clear();
		this.allowed = null;
		this.highlighted = null;
		this.hovered = -1;
		this.focus = -1;
		this.outlineTracker = null;
		this.invalidate();
	}

	/**
	 * Takes a graph whose positions come later (a cold start: the layout places every node): nothing is drawn until
	 * `setPositions`, and meanwhile, one step per task, what drawing it needs is built (the nodes and links of each zoom
	 * level, the outline tracker, a warm-up of its scans, the overview's label widths and its most important label
	 * images), so that its first frame has less to do.
	 */
	expectGraph(graph: Graph): void {
		this.setGraph(graph);
		this.awaiting = true;
		const graphNow = (): boolean => this.graph === graph && !this.destroyed;
		let warmUp: OutlineTracker | null = null;
		this.later(
			() => graphNow() && this.nodesUpTo(this.maxLevel(0)),
			() => graphNow() && this.linksUpTo(this.maxLevel(0)),
			() => graphNow() && this.outlineTrackerFor(),
			// The same scans three times, a task each: they run slowest the first times (see warmOutlineScans).
			...[0, 1, 2].map(() => () => graphNow() && this.warmOutlineScans((warmUp ??= this.warmUpTracker()))),
			() => graphNow() && this.measureLabels(this.nodesUpTo(this.maxLevel(0))),
			// The overview's most important labels (clusters first), a draw's worth per step.
			...[0, 1, 2].map((step) => () => graphNow() && this.drawLabelsAhead(this.nodesUpTo(this.maxLevel(0)).subarray(step * NEW_LABELS_PER_DRAW, (step + 1) * NEW_LABELS_PER_DRAW))),
			() => graphNow() && this.nodesUpTo(3),
		);
	}

	/** The graph being drawn. */
	getGraph(): Graph {
		return this.graph;
	}

	/** New positions (x, y interleaved, world space), as the layout posts them; `settled`: the layout is at rest in them. */
	setPositions(positions: Float32Array, settled = false): void {
		if (positions.length !== this.graph.nodes.length * 2) return;
		this.positions = positions;
		// A layout frame moves every node a little: the outlines may follow with a partial update (so does a new graph's
		// first frame, its tracker not yet scanned, built ahead or not: its outlines start from the clusters' structure).
		// A picture at rest gets exact outlines at once.
		this.awaiting = false;
		const partial = !settled && (this.outlineTracker?.scanned !== true || this.outlineState !== "jumped");
		this.invalidate(partial ? "moving" : "jumped");
	}

	/** Current positions (world space). */
	getPositions(): Float32Array {
		return this.positions;
	}

	/** Draws now and reports what was drawn. */
	draw(): DrawStats {
		const started = performance.now();
		if (this.frame !== 0) {
			this.win.cancelAnimationFrame(this.frame);
			this.frame = 0;
		}
		const stats = this.paint();
		stats.ms = performance.now() - started;
		this.lastStats = stats;
		this.drawCount++;
		return stats;
	}

	/** What the last draw did. */
	stats(): DrawStats {
		return { ...this.lastStats };
	}

	/** Draws on the next animation frame (several requests in one frame draw once). */
	requestDraw(): void {
		if (this.frame !== 0 || this.destroyed) return;
		this.frame = this.win.requestAnimationFrame(() => {
			this.frame = 0;
			this.draw();
		});
	}

	/** Sets the view transform (screen = world × k + (x, y)) at once. */
	zoomTo(transform: ViewTransform): void {
		this.cancelAnimation();
		this.moved = true;
		this.applyTransform(transform);
	}

	/** The current view transform. */
	getTransform(): ViewTransform {
		return { ...this.transform };
	}

	/** Fits every allowed node into the view; animated when asked. */
	fit(animate = false): void {
		const bounds = boundsOf(this.positions, this.radius, (i) => this.isAllowed(i));
		if (bounds === null || this.width === 0) return;
		this.moved = false;
		this.moveTo(fitTransform(bounds, this.width, this.height), animate);
	}

	/** Zooms so that cluster c fills the view, far enough in to show its notes. */
	zoomToCluster(c: number, animate = true): void {
		const bounds = boundsOf(this.positions, this.radius, (i) => this.clusterOf[i] === c && this.isAllowed(i));
		if (bounds === null || this.width === 0) return;
		const target = fitTransform(bounds, this.width, this.height, 30, MAX_ZOOM);
		this.moved = true;
		this.moveTo(target, animate);
	}

	/** Centres node i at zoom k (default: the current zoom, at least enough to show notes). */
	centerOn(i: number, k = Math.max(this.transform.k, 1), animate = true): void {
		const x = this.positions[2 * i];
		const y = this.positions[2 * i + 1];
		if (x === undefined || y === undefined || this.width === 0) return;
		this.moved = true;
		this.moveTo({ k, x: this.width / 2 - x * k, y: this.height / 2 - y * k }, animate);
	}

	/** Limits the nodes drawn (type toggles, search filter): mask[i] = 1 to allow; null allows all. */
	setFilter(mask: Uint8Array | null): void {
		this.allowed = mask;
		this.outlineTracker = null;
		this.invalidate();
	}

	/** Highlights nodes (search matches) and dims the rest; null clears. */
	setHighlight(mask: Uint8Array | null): void {
		this.highlighted = mask;
		this.invalidate("none");
	}

	/** Marks the node a local graph is centred on. */
	setFocus(i: number): void {
		this.focus = i;
		this.invalidate("none");
	}

	/** The hovered node, or -1. */
	getHovered(): number {
		return this.hovered;
	}

	/** Sets the hovered node (as the pointer would) and redraws. */
	setHovered(i: number): void {
		if (i === this.hovered) return;
		this.hovered = i;
		this.requestDraw();
	}

	/** Reads the theme colours again (after a theme or CSS change). */
	refreshTheme(): void {
		if (this.options.palette === undefined) this.palette = readPalette(this.canvas);
		this.paletteRead = true;
		this.labelWidths.fill(NaN);
		this.textWidths.clear();
		this.labelAtlas.clear();
		this.requestDraw();
	}

	/** The node under a point in canvas (CSS pixel) coordinates, or -1: the one drawn on top, as the eye sees it. */
	hitTest(screenX: number, screenY: number): number {
		if (this.awaiting) return -1;
		const { x, y, k } = this.transform;
		const wx = (screenX - x) / k;
		const wy = (screenY - y) / k;
		const tree = this.quadtree();
		const slack = 4 / k;
		const reach = this.maxRadius + 3 / k + slack;
		let best = -1;
		let bestDistance = Infinity;
		tree.visit((quad, x0, y0, x1, y1) => {
			if (x0 > wx + reach || x1 < wx - reach || y0 > wy + reach || y1 < wy - reach) return true;
			if (!("length" in quad)) {
				for (let leaf: QuadtreeLeaf<number> | undefined = quad; leaf !== undefined; leaf = leaf.next) {
					const i = leaf.data;
					const dx = (this.positions[2 * i] ?? 0) - wx;
					const dy = (this.positions[2 * i + 1] ?? 0) - wy;
					const r = Math.max(this.radius[i] ?? 0, 3 / k) + slack;
					const d = dx * dx + dy * dy;
					if (d > r * r) continue;
					// Kinds later in the legend are painted later, so on top: they win; then the nearest centre.
					const better = best < 0 || (this.kindIndex[i] ?? 0) > (this.kindIndex[best] ?? 0) || ((this.kindIndex[i] ?? 0) === (this.kindIndex[best] ?? 0) && d < bestDistance);
					if (better) {
						best = i;
						bestDistance = d;
					}
				}
			}
			return false;
		});
		return best;
	}

	/** The cluster whose outline contains a canvas point, or -1. */
	clusterAt(screenX: number, screenY: number): number {
		if (this.awaiting) return -1;
		const { x, y, k } = this.transform;
		this.updateOutlines();
		const wx = (screenX - x) / k;
		const wy = (screenY - y) / k;
		for (let c = 0; c < this.outlines.length; c++) if (insideOutline(this.outlines[c] ?? new Float32Array(0), wx, wy)) return c;
		return -1;
	}

	/** Where node i is on the canvas (CSS pixels). */
	screenOf(i: number): { x: number; y: number } {
		const { x, y, k } = this.transform;
		return { x: (this.positions[2 * i] ?? 0) * k + x, y: (this.positions[2 * i + 1] ?? 0) * k + y };
	}

	/** Whether node i is drawn at the current zoom and filters. */
	isVisible(i: number): boolean {
		return !this.awaiting && this.isAllowed(i) && this.shownAtZoom(i, this.maxLevel(this.transform.k));
	}

	/**
	 * Adapts the canvas to its container's size. Until the user moves the view, the graph is fitted again to the new
	 * size (a view opened before its pane had its final size would otherwise keep a fit made for another size); after,
	 * the point at the centre stays at the centre. Hidden (0 × 0, a background tab) changes nothing.
	 */
	resize(): void {
		if (this.destroyed) return;
		this.measure();
		this.requestDraw();
		if (this.width === 0 || this.height === 0) return;
		const before = { width: this.shownWidth, height: this.shownHeight };
		this.shownWidth = this.width;
		this.shownHeight = this.height;
		if (before.width === 0 || before.height === 0) {
			// First time on screen: only now do the theme's variables apply to the container. The hull canvas's memory is
			// taken now, in a task of its own, rather than by the first frame that draws hulls.
			if (this.options.palette === undefined) this.usePalette(readPalette(this.canvas));
			this.later(() => {
				this.hullContext.fillRect(0, 0, 1, 1);
				this.hullContext.clearRect(0, 0, 1, 1);
				this.hullContext.getImageData(0, 0, 1, 1);
			});
			if (!this.moved) this.fit();
			return;
		}
		if (before.width === this.width && before.height === this.height) return;
		if (!this.moved) {
			this.fit();
			return;
		}
		const { x, y, k } = this.transform;
		this.applyTransform({ k, x: x + (this.width - before.width) / 2, y: y + (this.height - before.height) / 2 });
	}

	/** Removes the canvas and every listener. */
	destroy(): void {
		this.destroyed = true;
		this.cancelAnimation();
		if (this.frame !== 0) this.win.cancelAnimationFrame(this.frame);
		this.frame = 0;
		if (this.outlineSettle !== 0) this.win.clearTimeout(this.outlineSettle);
		this.outlineSettle = 0;
		this.win.clearTimeout(this.prepareTimer);
		this.resizeObserver?.disconnect();
		const selection = select(this.canvas);
		selection.on(".zoom", null).on(".drag", null).on(".atlas", null);
		this.canvas.remove();
	}

	// ---- state -------------------------------------------------------------------------------------------------

	/**
	 * Runs one-time drawing set-up, one step per task, ahead of the first draw that needs it: each step is slow only the
	 * first time (the style recalculation that resolves the theme, a font's first use, a large canvas), and all of them in
	 * the open's task or its first draw made one long task. A draw that comes first does what it needs itself.
	 */
	private later(...steps: Array<() => void>): void {
		this.idleSteps.push(...steps);
		if (this.prepareTimer !== 0) return;
		const next = (): void => {
			this.prepareTimer = 0;
			const step = this.idleSteps.shift();
			if (step === undefined || this.destroyed) return;
			step();
			this.prepareTimer = this.win.setTimeout(next, 0);
		};
		this.prepareTimer = this.win.setTimeout(next, 0);
	}

	/** Reads the theme's colours once the canvas is in the document (before, the variables do not apply). */
	private readTheme(): void {
		if (this.paletteRead || !this.canvas.isConnected) return;
		this.usePalette(readPalette(this.canvas));
	}

	/** Takes the theme's colours; label widths measured in another font are measured again. */
	private usePalette(palette: GraphPalette): void {
		if (palette.font !== this.palette.font) this.labelWidths.fill(NaN);
		this.palette = palette;
		this.paletteRead = true;
	}

	/** Measures the common characters of every label font, which also makes each font ready for drawing. */
	private warmLabelFonts(): void {
		for (const weight of LABEL_WEIGHTS) this.textWidths.width(COMMON_CHARACTERS, `${weight} ${this.palette.font}`);
	}

	/** Asks for a draw; `moved` tells how the positions changed ("none": they did not). */
	private invalidate(moved: "none" | "moving" | "jumped" = "jumped"): void {
		if (moved !== "none") {
			this.tree = null;
			this.outlineState = moved;
		}
		this.requestDraw();
	}

	private isAllowed(i: number): boolean {
		return this.allowed === null || this.allowed[i] === 1;
	}

	/**
	 * The nodes of hierarchy level `level` or above (0: clusters and hubs … 3: every node), in label priority order
	 * (see `labelPriority`), so that labels need no sorting while nothing is emphasised.
	 */
	private nodesUpTo(level: number): Int32Array {
		let list = this.levelNodes[level];
		if (list === undefined) {
			const out: number[] = [];
			for (let i = 0; i < this.level.length; i++) if ((this.level[i] ?? 0) <= level) out.push(i);
			out.sort((a, b) => this.labelPriority(b) - this.labelPriority(a) || a - b);
			list = Int32Array.from(out);
			this.levelNodes[level] = list;
		}
		return list;
	}

	/** Which labels win a place: higher levels first (clusters, then sub-topics, …), then the most cited or linked. */
	private labelPriority(i: number): number {
		return (4 - (this.level[i] ?? 3)) * 1000 + Math.min(999, this.graph.nodes[i]?.weight ?? 0);
	}

	/** The links (indices) whose two ends are of hierarchy level `level` or above. */
	private linksUpTo(level: number): Int32Array {
		let list = this.levelLinks[level];
		if (list === undefined) {
			const out: number[] = [];
			this.graph.links.forEach((link, l) => {
				if ((this.level[link.source] ?? 0) <= level && (this.level[link.target] ?? 0) <= level) out.push(l);
			});
			list = Int32Array.from(out);
			this.levelLinks[level] = list;
		}
		return list;
	}

	/** The deepest level drawn at zoom k, for this graph's overview size. */
	private maxLevel(k: number): number {
		return maxLevelAt(k, this.overviewSize);
	}

	private shownAtZoom(i: number, maxLevel: number): boolean {
		if (this.options.semanticZoom === false) return true;
		return (this.level[i] ?? 0) <= maxLevel || this.highlighted?.[i] === 1 || i === this.focus || i === this.hovered;
	}

	private quadtree(): Quadtree<number> {
		if (this.tree !== null) return this.tree;
		const maxLevel = this.maxLevel(this.transform.k);
		const visible: number[] = [];
		for (let i = 0; i < this.graph.nodes.length; i++) if (this.isAllowed(i) && this.shownAtZoom(i, maxLevel)) visible.push(i);
		this.tree = quadtree<number>()
			.x((i) => this.positions[2 * i] ?? 0)
			.y((i) => this.positions[2 * i + 1] ?? 0)
			.addAll(visible);
		return this.tree;
	}

	private updateOutlines(): void {
		if (this.outlineState === "current") return;
		const tracker = this.outlineTrackerFor();
		const moving = this.outlineState === "moving";
		this.outlines = moving ? tracker.update(this.positions) : tracker.full(this.positions);
		this.outlineState = "current";
		if (this.outlineSettle !== 0) this.win.clearTimeout(this.outlineSettle);
		this.outlineSettle = 0;
		if (!moving || this.destroyed) return;
		// Once the layout stops, one full update makes the resting outlines exact; drawn again only if that shows (a
		// layout coming to rest barely moves, so the partial updates of its last frames usually got there already).
		this.outlineSettle = this.win.setTimeout(() => {
			this.outlineSettle = 0;
			const tracker = this.outlineTracker;
			if (tracker === null || this.outlineState !== "current" || this.destroyed) return;
			// A copy: the tracker updates its outlines in place.
			const before = this.outlines.map((outline) => outline.slice());
			this.outlines = tracker.full(this.positions);
			if (outlinesMoved(before, this.outlines, HULL_SLACK_PX / this.transform.k)) this.requestDraw();
		}, OUTLINE_SETTLE_MS);
	}

	/** The outline tracker for the graph and filter in place. */
	private outlineTrackerFor(): OutlineTracker {
		if (this.outlineTracker === null) {
			// Hulls wrap what the filters allow (a search filter or type toggles shrink them); semantic zoom keeps them
			// whole, so a cluster's shape stays the same from the overview down to its notes.
			const allowed = this.allowed;
			const clusterOf = allowed === null ? this.clusterOf : this.clusterOf.map((c, i) => (allowed[i] === 1 ? c : -1));
			// A moving layout's first outlines wrap each cluster's own node and sub-topics (see OutlineTracker).
			const core = this.level.map((level) => (level <= 1 ? 1 : 0));
			this.outlineTracker = new OutlineTracker(clusterOf, this.radius, this.graph.clusters.length, OUTLINE_PADDING, undefined, core);
		}
		return this.outlineTracker;
	}

	private measure(): void {
		const rect = this.container.getBoundingClientRect();
		this.ratio = this.container.ownerDocument.defaultView?.devicePixelRatio ?? 1;
		this.width = Math.max(0, Math.round(rect.width));
		this.height = Math.max(0, Math.round(rect.height));
		for (const canvas of [this.canvas, this.hullCanvas]) {
			canvas.width = Math.round(this.width * this.ratio);
			canvas.height = Math.round(this.height * this.ratio);
		}
		this.canvas.style.setProperty("width", `${this.width}px`);
		this.canvas.style.setProperty("height", `${this.height}px`);
		// Resizing a canvas clears it.
		this.hullsDrawn = null;
	}

	private applyTransform(t: ViewTransform): void {
		const previousLevel = this.maxLevel(this.transform.k);
		if (this.zoomBehavior !== null) {
			// Through d3-zoom, so that its own state matches and the next gesture continues from here.
			const behavior = this.zoomBehavior;
			this.applying = true;
			try {
				behavior.transform(select(this.canvas), zoomIdentity.translate(t.x, t.y).scale(t.k));
			} finally {
				this.applying = false;
			}
		} else this.transform = { ...t };
		if (this.maxLevel(this.transform.k) !== previousLevel) this.tree = null;
		this.requestDraw();
	}

	private moveTo(target: ViewTransform, animate: boolean): void {
		this.cancelAnimation();
		const view = this.container.ownerDocument.defaultView;
		const reduced = view?.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;
		if (!animate || reduced || view === null) {
			this.applyTransform(target);
			return;
		}
		const from = this.transform;
		const size = Math.max(this.width, this.height);
		const a: [number, number, number] = [(this.width / 2 - from.x) / from.k, (this.height / 2 - from.y) / from.k, size / from.k];
		const b: [number, number, number] = [(this.width / 2 - target.x) / target.k, (this.height / 2 - target.y) / target.k, size / target.k];
		const path = interpolateZoom(a, b);
		const duration = Math.min(900, Math.max(250, path.duration * 0.6));
		const started = performance.now();
		const step = (): void => {
			const t = Math.min(1, (performance.now() - started) / duration);
			const eased = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
			const [cx, cy, w] = path(eased);
			const k = size / w;
			this.applyTransform({ k, x: this.width / 2 - cx * k, y: this.height / 2 - cy * k });
			this.animation = t < 1 ? this.win.requestAnimationFrame(step) : 0;
		};
		this.animation = this.win.requestAnimationFrame(step);
	}

	private cancelAnimation(): void {
		if (this.animation !== 0) this.win.cancelAnimationFrame(this.animation);
		this.animation = 0;
	}

	// ---- interaction ---------------------------------------------------------------------------------------------

	private listen(): void {
		const canvas = select(this.canvas);
		const dragBehavior = drag<HTMLCanvasElement, unknown, DragSubject | undefined>()
			.subject((event: D3DragEvent<HTMLCanvasElement, unknown, unknown>) => {
				const [px, py] = pointer(event.sourceEvent, this.canvas);
				const i = this.hitTest(px, py);
				return i < 0 ? undefined : { index: i, x: px, y: py };
			})
			.on("start", (event: D3DragEvent<HTMLCanvasElement, unknown, DragSubject>) => this.dragged(event, "start"))
			.on("drag", (event: D3DragEvent<HTMLCanvasElement, unknown, DragSubject>) => this.dragged(event, "drag"))
			.on("end", (event: D3DragEvent<HTMLCanvasElement, unknown, DragSubject>) => this.dragged(event, "end"));
		// The drag is registered first: on a node it stops the event, so the zoom only pans on empty space.
		canvas.call(dragBehavior);
		const zoomBehavior = zoom<HTMLCanvasElement, unknown>()
			.scaleExtent([MIN_ZOOM, MAX_ZOOM])
			.filter((event: MouseEvent) => {
				if (event.type === "wheel") {
					if (this.options.wheelNeedsModifier !== true || event.ctrlKey || event.metaKey) return true;
					this.options.onWheelHint?.();
					return false;
				}
				// d3-zoom's default for everything else: no secondary button, no Ctrl-drag.
				return !event.ctrlKey && !event.button;
			})
			.on("start", () => this.cancelAnimation())
			.on("zoom", (event: { transform: ZoomTransform }) => {
				// Not set by the canvas itself: a wheel, pan or pinch. (The event's sourceEvent cannot tell: d3-zoom tags a
				// transform set during a gesture with that gesture's event.)
				if (!this.applying) this.moved = true;
				const before = this.maxLevel(this.transform.k);
				this.transform = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
				if (this.maxLevel(this.transform.k) !== before) this.tree = null;
				this.options.onTransform?.(this.getTransform());
				this.requestDraw();
			});
		this.zoomBehavior = zoomBehavior;
		canvas.call(zoomBehavior).on("dblclick.zoom", null);
		canvas.on("mousemove.atlas", (event: MouseEvent) => {
			const [px, py] = pointer(event, this.canvas);
			const i = this.hitTest(px, py);
			this.canvas.classList.toggle("is-over-node", i >= 0);
			if (i !== this.hovered) {
				this.hovered = i;
				this.options.onHover?.(i, event);
				this.requestDraw();
			} else if (i >= 0) this.options.onHover?.(i, event);
		});
		canvas.on("mouseleave.atlas", () => {
			if (this.hovered < 0) return;
			this.hovered = -1;
			this.options.onHover?.(-1, null);
			this.requestDraw();
		});
		canvas.on("click.atlas", (event: MouseEvent) => {
			// The second click of a double-click belongs to the double-click.
			if (event.detail > 1) return;
			const [px, py] = pointer(event, this.canvas);
			const i = this.hitTest(px, py);
			if (i >= 0) this.options.onClick?.(i, event);
		});
		canvas.on("dblclick.atlas", (event: MouseEvent) => {
			const [px, py] = pointer(event, this.canvas);
			const i = this.hitTest(px, py);
			const node = i >= 0 ? this.graph.nodes[i] : undefined;
			const c = node !== undefined && (node.kind === "cluster" || node.kind === "hub") ? node.cluster : node === undefined ? this.clusterAt(px, py) : -1;
			if (c >= 0) this.zoomToCluster(c);
			else if (node === undefined) {
				this.moved = true;
				this.moveTo(this.zoomedAt(px, py, 2), true);
			}
		});
	}

	private zoomedAt(px: number, py: number, factor: number): ViewTransform {
		const { x, y, k } = this.transform;
		const next = Math.min(MAX_ZOOM, k * factor);
		return { k: next, x: px - ((px - x) / k) * next, y: py - ((py - y) / k) * next };
	}

	private dragged(event: D3DragEvent<HTMLCanvasElement, unknown, DragSubject>, phase: DragPhase): void {
		const { index } = event.subject;
		const { x, y, k } = this.transform;
		const [px, py] = pointer(event.sourceEvent, this.canvas);
		const wx = (px - x) / k;
		const wy = (py - y) / k;
		if (phase !== "start") {
			// Move the node at once; the layout's next frame agrees because the node is pinned there.
			this.positions[2 * index] = wx;
			this.positions[2 * index + 1] = wy;
			this.invalidate();
		}
		this.options.onDrag?.(index, wx, wy, phase);
	}

	// ---- drawing -------------------------------------------------------------------------------------------------

	private paint(): DrawStats {
		const ctx = this.context;
		const { x: tx, y: ty, k } = this.transform;
		const ratio = this.ratio;
		const n = this.awaiting ? 0 : this.graph.nodes.length;
		// Nothing to draw yet, no colours needed: read now, they would force the open's first style recalculation into
		// this frame's script, ahead of the browser's own.
		if (n > 0) this.readTheme();
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		if (n === 0 || this.width === 0) {
			ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
			this.clearHulls();
			return { drawnNodes: 0, drawnLinks: 0, drawnLabels: 0, pendingLabels: 0, ms: 0 };
		}
		const maxLevel = this.maxLevel(k);
		const positions = this.positions;
		// Visible world rectangle, grown a little so nodes at the edge are not cut.
		const margin = 20 / k;
		const minX = -tx / k - margin;
		const minY = -ty / k - margin;
		const maxX = (this.width - tx) / k + margin;
		const maxY = (this.height - ty) / k + margin;

		// The nodes this zoom shows: those of its levels (a list kept per level, so the overview of a big graph does not
		// look at every node and link each frame) and the few shown whatever the zoom (hovered, focus, search matches).
		const level = this.options.semanticZoom === false ? 3 : maxLevel;
		const byLevel = this.nodesUpTo(level);
		const extras: number[] = [];
		if (level < 3) {
			if (this.hovered >= 0 && (this.level[this.hovered] ?? 0) > level) extras.push(this.hovered);
			if (this.focus >= 0 && this.focus !== this.hovered && (this.level[this.focus] ?? 0) > level) extras.push(this.focus);
			const marked = this.highlighted;
			if (marked !== null) for (let i = 0; i < n; i++) if (marked[i] === 1 && (this.level[i] ?? 0) > level && i !== this.hovered && i !== this.focus) extras.push(i);
		}
		const visible = new Uint8Array(n);
		const shown = new Int32Array(byLevel.length + extras.length);
		let count = 0;
		for (const i of byLevel) {
			if (!this.isAllowed(i)) continue;
			visible[i] = 1;
			shown[count++] = i;
		}
		for (const i of extras) {
			if (!this.isAllowed(i)) continue;
			visible[i] = 1;
			shown[count++] = i;
		}
		const nodes = shown.subarray(0, count);
		// Emphasis: the hovered node and its neighbours, else the search matches; everything else is dimmed.
		let emphasis: Uint8Array | null = null;
		if (this.hovered >= 0) {
			emphasis = new Uint8Array(n);
			emphasis[this.hovered] = 1;
			this.adjacency ??= adjacencyOf(this.graph);
			for (const j of neighboursOf(this.adjacency, this.hovered)) emphasis[j] = 1;
		} else if (this.highlighted !== null) emphasis = this.highlighted;

		this.paintHulls();
		// The hull layer replaces the last frame whole ("copy": every pixel written once, its transparent ones too),
		// where clearing the canvas and then blending the hulls over it went over the hulls' area twice.
		if (this.hullsDrawn?.onScreen === true) {
			ctx.globalCompositeOperation = "copy";
			ctx.drawImage(this.hullCanvas, 0, 0);
			ctx.globalCompositeOperation = "source-over";
		} else ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
		ctx.setTransform(ratio * k, 0, 0, ratio * k, ratio * tx, ratio * ty);

		// Links: one path for all, one more for the emphasised ones; those between nodes of the zoom's levels, unless a
		// node shown whatever the zoom brings its own.
		let drawnLinks = 0;
		const links = this.graph.links;
		const plain = new Path2D();
		const strong = new Path2D();
		const linkList = extras.length === 0 ? this.linksUpTo(level) : null;
		const linkCount = linkList === null ? links.length : linkList.length;
		for (let m = 0; m < linkCount; m++) {
			const link = links[linkList === null ? m : (linkList[m] ?? 0)];
			if (link === undefined) continue;
			const s = link.source;
			const t = link.target;
			if (visible[s] !== 1 || visible[t] !== 1) continue;
			const x1 = positions[2 * s] ?? 0;
			const y1 = positions[2 * s + 1] ?? 0;
			const x2 = positions[2 * t] ?? 0;
			const y2 = positions[2 * t + 1] ?? 0;
			if ((x1 < minX && x2 < minX) || (x1 > maxX && x2 > maxX) || (y1 < minY && y2 < minY) || (y1 > maxY && y2 > maxY)) continue;
			const path = emphasis !== null && (this.hovered >= 0 ? s === this.hovered || t === this.hovered : emphasis[s] === 1 && emphasis[t] === 1) ? strong : plain;
			path.moveTo(x1, y1);
			path.lineTo(x2, y2);
			drawnLinks++;
		}
		ctx.lineWidth = 1 / k;
		ctx.strokeStyle = this.palette.link;
		ctx.globalAlpha = emphasis === null ? 0.55 : 0.55 * DIM;
		ctx.stroke(plain);
		ctx.globalAlpha = 0.9;
		ctx.strokeStyle = this.palette.accent;
		ctx.lineWidth = 1.5 / k;
		ctx.stroke(strong);

		// Nodes: one path per kind (colour), in two layers when something is emphasised. The nodes in view are sorted into
		// their path first (a bucket per layer and kind), then each path is built on the context and filled: no Path2D
		// objects, and no fill for a kind with nothing in view.
		let drawnNodes = 0;
		const kinds = NODE_KINDS.length;
		const minScreenRadius = 1.5 / k;
		const bucket = new Uint8Array(nodes.length);
		const sizes = new Int32Array(2 * kinds + 1);
		for (let m = 0; m < nodes.length; m++) {
			const i = nodes[m] ?? 0;
			const x = positions[2 * i] ?? 0;
			const y = positions[2 * i + 1] ?? 0;
			const r = Math.max(this.radius[i] ?? 3, minScreenRadius);
			if (x + r < minX || x - r > maxX || y + r < minY || y - r > maxY) continue;
			const layer = emphasis === null || emphasis[i] === 1 ? 1 : 0;
			const b = 1 + layer * kinds + (this.kindIndex[i] ?? 0);
			bucket[m] = b;
			sizes[b] = (sizes[b] ?? 0) + 1;
			drawnNodes++;
		}
		for (let b = 1; b <= 2 * kinds; b++) {
			if (sizes[b] === 0) continue;
			const layer = b > kinds ? 1 : 0;
			ctx.globalAlpha = layer === 0 ? DIM : 1;
			ctx.fillStyle = this.palette.kinds[NODE_KINDS[(b - 1) % kinds] ?? "note"];
			ctx.beginPath();
			for (let m = 0; m < nodes.length; m++) {
				if (bucket[m] !== b) continue;
				const i = nodes[m] ?? 0;
				const x = positions[2 * i] ?? 0;
				const y = positions[2 * i + 1] ?? 0;
				const r = Math.max(this.radius[i] ?? 3, minScreenRadius);
				ctx.moveTo(x + r, y);
				ctx.arc(x, y, r, 0, Math.PI * 2);
			}
			ctx.fill();
		}
		ctx.globalAlpha = 1;
		this.paintRings(ctx, k);

		const labels = this.options.labels === false ? { drawn: 0, pending: 0 } : this.paintLabels(ctx, nodes, emphasis, { minX, minY, maxX, maxY });
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.globalAlpha = 1;
		// Labels left for later come with the next frame (a moving layout draws again anyway).
		if (labels.pending > 0) this.requestDraw();
		return { drawnNodes, drawnLinks, drawnLabels: labels.drawn, pendingLabels: labels.pending, ms: 0 };
	}

	/**
	 * Brings the hull canvas up to date: drawn again when the view, the size or the colours changed, or an outline moved
	 * half a pixel or more on screen since it was drawn; otherwise it stays as it is (a moving layout's outlines drift by
	 * a fraction of a pixel per frame at the overview), and the frame only copies it.
	 */
	private paintHulls(): void {
		const drawn = this.hullsDrawn;
		const t = this.transform;
		const sameView = drawn !== null && drawn.palette === this.palette && drawn.width === this.width && drawn.height === this.height && drawn.transform.x === t.x && drawn.transform.y === t.y && drawn.transform.k === t.k;
		const slack = HULL_SLACK_PX / t.k;
		// An outline reaches no further than its members moved: while no node moved half a pixel since the hulls were
		// drawn, neither did they, and the outlines need not even be followed (they are, on demand, for hit tests).
		if (sameView && this.outlineState === "moving" && !movedBeyond(drawn.positions, this.positions, slack / Math.SQRT2)) return;
		this.updateOutlines();
		if (sameView && !outlinesMoved(drawn.outlines, this.outlines, slack)) return;
		const ctx = this.hullContext;
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		ctx.clearRect(0, 0, this.hullCanvas.width, this.hullCanvas.height);
		ctx.setTransform(this.ratio * t.k, 0, 0, this.ratio * t.k, this.ratio * t.x, this.ratio * t.y);
		this.paintOutlines(ctx, t.k);
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		// Copies: the tracker updates its outlines in place, a drag moves a node in place.
		this.hullsDrawn = { outlines: this.outlines.map((outline) => outline.slice()), positions: this.positions.slice(), transform: { ...t }, width: this.width, height: this.height, palette: this.palette, onScreen: this.hullsOnScreen() };
	}

	/** Whether any hull (each outline grown by the band and a pixel) reaches into the canvas. */
	private hullsOnScreen(): boolean {
		const { x: tx, y: ty, k } = this.transform;
		const grow = 8 / Math.max(k, 0.2) + 2 / k;
		for (const outline of this.outlines) {
			const bounds = boundsOf(outline, NO_RADIUS);
			if (bounds === null) continue;
			const { minX, minY, maxX, maxY } = bounds;
			if ((maxX + grow) * k + tx > 0 && (minX - grow) * k + tx < this.width && (maxY + grow) * k + ty > 0 && (minY - grow) * k + ty < this.height) return true;
		}
		return false;
	}

	private clearHulls(): void {
		if (this.hullsDrawn === null) return;
		this.hullContext.setTransform(1, 0, 0, 1, 0, 0);
		this.hullContext.clearRect(0, 0, this.hullCanvas.width, this.hullCanvas.height);
		this.hullsDrawn = null;
	}

	/**
	 * Hulls batched by tint (a path per tint for the fills, one for the rims, one for the edges, whatever the number of
	 * clusters): each cluster's tint over its outline grown by `band` (each support point pushed further out along its
	 * direction), once more over the band just inside the edge, which reads as the rim (a ring: the inner edge runs the
	 * other way round, so rims of one tint that overlap still fill), and a thin edge.
	 */
	private paintOutlines(ctx: CanvasRenderingContext2D, k: number): void {
		const tints = this.palette.clusters.length > 0 ? this.palette.clusters : FALLBACK_PALETTE.clusters;
		const band = 8 / Math.max(k, 0.2);
		const outlines = this.outlines;
		for (let t = 0; t < tints.length; t++) {
			ctx.fillStyle = tints[t] ?? FALLBACK_PALETTE.accent;
			ctx.globalAlpha = 0.07;
			ctx.beginPath();
			for (let c = t; c < outlines.length; c += tints.length) this.tracePolygon(ctx, outlines[c], band, false);
			ctx.fill();
			ctx.beginPath();
			for (let c = t; c < outlines.length; c += tints.length) {
				const outline = outlines[c];
				if (outline === undefined || outline.length < 6) continue;
				this.tracePolygon(ctx, outline, 0, false);
				this.tracePolygon(ctx, outline, -band, true);
			}
			ctx.fill();
			// The thin edges, one device pixel wide: the rasteriser's fast hairline path (a wider line is stroked as a
			// polygon). The alpha makes up for the 1.2 px it used to be.
			ctx.beginPath();
			for (let c = t; c < outlines.length; c += tints.length) this.tracePolygon(ctx, outlines[c], 0, false);
			ctx.globalAlpha = 0.42;
			ctx.lineWidth = 1 / (k * this.ratio);
			ctx.strokeStyle = tints[t] ?? FALLBACK_PALETTE.accent;
			ctx.stroke();
		}
		ctx.globalAlpha = 1;
	}

	/**
	 * Adds an outline to the current path, offset by `by` world units: outward along each support point's direction when
	 * positive; inward, towards the outline's centre (at most most of the way, in a small outline), when negative.
	 * `reverse` runs it the other way round.
	 */
	private tracePolygon(ctx: CanvasRenderingContext2D, outline: Outline | undefined, by: number, reverse: boolean): void {
		if (outline === undefined) return;
		const count = outline.length / 2;
		if (count < 3) return;
		let cx = 0;
		let cy = 0;
		if (by < 0) {
			for (let p = 0; p < count; p++) {
				cx += (outline[2 * p] ?? 0) / count;
				cy += (outline[2 * p + 1] ?? 0) / count;
			}
		}
		for (let q = 0; q < count; q++) {
			const p = reverse ? count - 1 - q : q;
			let x = outline[2 * p] ?? 0;
			let y = outline[2 * p + 1] ?? 0;
			if (by > 0) {
				// Point p is the support point in direction p of `count` (OutlineTracker gives every direction or none).
				const angle = (2 * Math.PI * p) / count;
				x += Math.cos(angle) * by;
				y += Math.sin(angle) * by;
			} else if (by < 0) {
				const toCentre = Math.hypot(cx - x, cy - y);
				const inward = toCentre > 0 ? Math.min(-by, 0.9 * toCentre) / toCentre : 0;
				x += (cx - x) * inward;
				y += (cy - y) * inward;
			}
			if (q === 0) ctx.moveTo(x, y);
			else ctx.lineTo(x, y);
		}
		ctx.closePath();
	}

	private paintRings(ctx: CanvasRenderingContext2D, k: number): void {
		const rings: number[] = [];
		if (this.hovered >= 0) rings.push(this.hovered);
		if (this.focus >= 0) rings.push(this.focus);
		if (this.highlighted !== null) for (let i = 0; i < this.highlighted.length && rings.length < 500; i++) if (this.highlighted[i] === 1 && this.isAllowed(i)) rings.push(i);
		if (rings.length === 0) return;
		const path = new Path2D();
		for (const i of rings) {
			const x = this.positions[2 * i] ?? 0;
			const y = this.positions[2 * i + 1] ?? 0;
			const r = (this.radius[i] ?? 3) + 3 / k;
			path.moveTo(x + r, y);
			path.arc(x, y, r, 0, Math.PI * 2);
		}
		ctx.strokeStyle = this.palette.accent;
		ctx.lineWidth = 2 / k;
		ctx.stroke(path);
	}

	private paintLabels(ctx: CanvasRenderingContext2D, nodes: Int32Array, emphasis: Uint8Array | null, view: { minX: number; minY: number; maxX: number; maxY: number }): { drawn: number; pending: number } {
		const { x: tx, y: ty, k } = this.transform;
		const inView = (i: number): boolean => {
			const x = this.positions[2 * i] ?? 0;
			const y = this.positions[2 * i + 1] ?? 0;
			if (x < view.minX || x > view.maxX || y < view.minY || y > view.maxY) return false;
			// Small notes get a label only once they are big enough on screen to be told apart.
			return (this.level[i] ?? 3) < 2 || (this.radius[i] ?? 3) * k >= 4 || emphasis?.[i] === 1;
		};
		// Candidates by priority: the hovered node, the emphasised ones, the focus, then by level and weight. The shown
		// nodes come in that last order already (see `nodesUpTo`): a layout frame with nothing emphasised sorts nothing.
		// A cluster whose node a filter hides (the Clusters type toggled off) still has its hull drawn: the hull keeps
		// its name, at the cluster node's place, ahead of every other label.
		const hullNames = this.hiddenClusterNodes();
		let order: ArrayLike<number>;
		if (emphasis === null) {
			const out = new Int32Array(hullNames.length + nodes.length);
			let count = 0;
			if (this.focus >= 0 && nodes.includes(this.focus) && inView(this.focus)) out[count++] = this.focus;
			for (const i of hullNames) if (inView(i)) out[count++] = i;
			for (const i of nodes) if (i !== this.focus && inView(i)) out[count++] = i;
			order = out.subarray(0, count);
		} else {
			const candidates: { i: number; priority: number }[] = [];
			// The hull names, then the shown nodes, without joining the two into a new list (a hover draws every frame).
			for (const list of [hullNames, nodes]) {
				for (const i of list) {
					if (!inView(i)) continue;
					const boost = i === this.hovered ? 1e6 : emphasis[i] === 1 ? 1e5 : i === this.focus ? 5e4 : 0;
					candidates.push({ i, priority: boost + this.labelPriority(i) });
				}
			}
			candidates.sort((a, b) => b.priority - a.priority || a.i - b.i);
			order = candidates.map((c) => c.i);
		}
		const family = this.palette.font;
		const grid = new LabelGrid(this.width, this.height, 6);
		const chosen: { i: number; box: LabelBox }[] = [];
		for (let c = 0; c < order.length && c < 2000 && chosen.length < 160; c++) {
			const i = order[c] ?? 0;
			const tier = Math.min(2, this.level[i] ?? 3);
			const w = this.labelWidth(i, tier, family);
			const sx = (this.positions[2 * i] ?? 0) * k + tx;
			const sy = (this.positions[2 * i + 1] ?? 0) * k + ty + (this.radius[i] ?? 3) * k + 3;
			const box = { x: sx - w / 2 - 2, y: sy - 1, w: w + 4, h: LABEL_HEIGHTS[tier] ?? 15 };
			if (grid.place(box)) chosen.push({ i, box });
		}
		const ratio = this.ratio;
		// Every label's image first, then every copy: a page written after a copy from it would be copied whole first.
		// A few new images per draw at most (text is slow to raster, a first draw would make every one of them): the
		// most important labels come first, the rest over the next frames.
		let fresh = 0;
		let pending = 0;
		const slots = chosen.map(({ i, box }) => {
			const muted = (this.level[i] ?? 3) >= 2 && emphasis?.[i] !== 1;
			const label = this.labelSlot(i, Math.min(2, this.level[i] ?? 3), muted, box.w - 4, fresh < NEW_LABELS_PER_DRAW);
			if (label === "later") pending++;
			else if (label !== null && label.fresh) fresh++;
			return label === "later" ? null : label;
		});
		ctx.setTransform(1, 0, 0, 1, 0, 0);
		let drawn = 0;
		chosen.forEach(({ i, box }, c) => {
			const label = slots[c];
			// A slot whose page was emptied for a later label (a full atlas) waits for the next draw.
			if (label === null || label === undefined || this.labelAtlas.get(label.key, label.slot.style) !== label.slot) return;
			const slot = label.slot;
			ctx.globalAlpha = emphasis !== null && emphasis[i] !== 1 ? 0.35 : 1;
			// Whole device pixels: an image copied between pixels would blur its text.
			const pad = Math.round(HALO * ratio);
			ctx.drawImage(slot.page, slot.x, slot.y, slot.w, slot.h, Math.round((box.x + box.w / 2) * ratio - slot.w / 2), Math.round((box.y + 1) * ratio) - pad, slot.w, slot.h);
			drawn++;
		});
		ctx.globalAlpha = 1;
		return { drawn, pending };
	}

	/** The nodes of the clusters whose hull is drawn while the filter hides the cluster node itself. */
	private hiddenClusterNodes(): number[] {
		if (this.allowed === null) return [];
		const out: number[] = [];
		this.graph.clusters.forEach((cluster, c) => {
			if (!this.isAllowed(cluster.node) && (this.outlines[c]?.length ?? 0) >= 6) out.push(cluster.node);
		});
		return out;
	}

	/** Node i's label width, CSS pixels, measured once per graph and font. */
	private labelWidth(i: number, tier: number, family: string): number {
		let w = this.labelWidths[i] ?? 0;
		if (Number.isNaN(w)) {
			w = this.textWidths.width(shortTitle(this.graph.nodes[i]?.title ?? ""), `${LABEL_WEIGHTS[tier] ?? "11px"} ${family}`);
			this.labelWidths[i] = w;
		}
		return w;
	}

	/** Draws the labels of these nodes into the atlas ahead of a draw, as the overview shows them (not muted), and rasters them. */
	private drawLabelsAhead(nodes: Int32Array): void {
		for (const i of nodes) {
			const tier = Math.min(2, this.level[i] ?? 3);
			this.labelSlot(i, tier, tier >= 2, this.labelWidth(i, tier, this.palette.font), true);
		}
		this.labelAtlas.settle();
	}

	/** A throwaway outline tracker over the first few thousand of this graph's nodes, for `warmOutlineScans`. */
	private warmUpTracker(): OutlineTracker {
		const some = this.clusterOf.map((c, i) => (i < WARM_UP_NODES ? c : -1));
		return new OutlineTracker(some, this.radius, this.graph.clusters.length, OUTLINE_PADDING);
	}

	/**
	 * Runs the outline scans a layout frame runs on a throwaway tracker (every node at the origin), while the layout
	 * computes the first positions: the scans are the frames' longest loop, and run for the first times, before the
	 * engine has compiled them, they took 10–25 ms of a 10,000-node graph's first frames. The canvas's own tracker is
	 * left untouched (its first scan wraps only the structure).
	 */
	private warmOutlineScans(tracker: OutlineTracker): void {
		const positions = new Float32Array(this.positions.length);
		tracker.full(positions);
		tracker.update(positions);
		tracker.update(positions);
	}

	/** Measures the labels of these nodes ahead of a draw. */
	private measureLabels(nodes: Int32Array): void {
		this.readTheme();
		for (const i of nodes) this.labelWidth(i, Math.min(2, this.level[i] ?? 3), this.palette.font);
	}

	/** What a label of this tier and mutedness is drawn with (font, colours, pixel ratio), one string per palette and ratio. */
	private labelStyle(tier: number, muted: boolean): string {
		const key = `${this.ratio}`;
		if (this.labelStyles.key !== key || this.labelStyles.palette !== this.palette) this.labelStyles = { key, palette: this.palette, styles: new Map() };
		const slot = 2 * tier + (muted ? 1 : 0);
		let style = this.labelStyles.styles.get(slot);
		if (style === undefined) {
			style = `${LABEL_WEIGHTS[tier] ?? "11px"} ${this.palette.font}|${muted ? this.palette.textMuted : this.palette.text}|${this.palette.background}|${this.ratio}`;
			this.labelStyles.styles.set(slot, style);
		}
		return style;
	}

	/** Node i's label in the atlas, drawn there once per style: a halo in the background colour keeps text readable over links and outlines. */
	private labelSlot(i: number, tier: number, muted: boolean, width: number, mayDraw: boolean): { key: number; slot: AtlasSlot; fresh: boolean } | "later" | null {
		const ratio = this.ratio;
		const font = `${LABEL_WEIGHTS[tier] ?? "11px"} ${this.palette.font}`;
		const colour = muted ? this.palette.textMuted : this.palette.text;
		const style = this.labelStyle(tier, muted);
		// Muted and plain labels of a node are kept apart, so a hover that emphasises neighbours draws nothing again.
		const key = 2 * i + (muted ? 1 : 0);
		const cached = this.labelAtlas.get(key, style);
		if (cached !== undefined) return { key, slot: cached, fresh: false };
		if (!mayDraw) return "later";
		const pad = HALO;
		// The width is the sum of character advances: a pixel more each side for kerning the sum does not see.
		const cssWidth = width + 2 * pad + 2;
		const cssHeight = (LABEL_HEIGHTS[tier] ?? 15) + 2 * pad;
		const w = Math.max(1, Math.ceil(cssWidth * ratio));
		const reserved = this.labelAtlas.add(key, style, w, Math.max(1, Math.ceil(cssHeight * ratio)), ratio);
		if (reserved === null) return null;
		const { slot, context: g } = reserved;
		g.setTransform(ratio, 0, 0, ratio, slot.x, slot.y);
		g.font = font;
		g.textAlign = "center";
		g.textBaseline = "top";
		g.lineJoin = "round";
		g.lineWidth = HALO;
		g.strokeStyle = this.palette.background;
		g.fillStyle = colour;
		const text = shortTitle(this.graph.nodes[i]?.title ?? "");
		g.strokeText(text, w / ratio / 2, pad);
		g.fillText(text, w / ratio / 2, pad);
		g.setTransform(1, 0, 0, 1, 0, 0);
		return { key, slot, fresh: true };
	}
}
