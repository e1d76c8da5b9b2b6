/**
 * The ```atlas-graph``` code block: a cluster, a hub, the neighbourhood of a note, or the whole atlas, drawn inside the
 * note with the same interactions as the view. Options are `key: value` lines (see `parseGraphBlock`).
 */
import { Keymap, MarkdownRenderChild, type App, type HoverParent, type HoverPopover } from "obsidian";
import { noteBaseName } from "../../core/atlas/paths";
import { parseGraphBlock, type GraphBlockOptions } from "../../core/graph/blockOptions";
import type { Graph, GraphNode } from "../../core/graph/model";
import { positionsFor } from "../../core/graph/storedPositions";
import { clusterGraph, localGraph, type Subgraph } from "../../core/graph/subgraph";
import { GRAPH_VIEW_TYPE, type GraphViewContext } from "./AtlasGraphView";
import { GraphPanel } from "./GraphPanel";

/** The language of the code block. */
export const GRAPH_BLOCK_LANGUAGE = "atlas-graph";

function titleKey(text: string): string {
	return text.trim().toLowerCase().replace(/[?!.]+$/, "");
}

/** One rendered block. */
export class GraphBlock extends MarkdownRenderChild implements HoverParent {
	hoverPopover: HoverPopover | null = null;
	private readonly options: GraphBlockOptions;
	private panel: GraphPanel | null = null;
	private unsubscribe: (() => void) | null = null;
	private shownRevision = -1;
	/** The block may be unloaded before the graph data is ready. */
	private unloaded = false;

	constructor(
		containerEl: HTMLElement,
		source: string,
		private readonly app: App,
		private readonly context: GraphViewContext,
		private readonly sourcePath: string,
	) {
		super(containerEl);
		this.options = parseGraphBlock(source);
	}

	override onload(): void {
		const el = this.containerEl;
		el.addClass("research-atlas-graph-block");
		el.style.setProperty("--research-atlas-graph-height", `${this.options.height}px`);
		if (this.options.problems.length > 0) el.createDiv({ cls: "research-atlas-graph-block-problems", text: `Not understood: ${this.options.problems.join("; ")}` });
		void this.context.data.ready.then(() => {
			if (this.unloaded) return;
			const host = {
				open: (node: GraphNode, event: MouseEvent) => void this.app.workspace.openLinkText(node.id, this.sourcePath, Keymap.isModEvent(event)),
				hover: (node: GraphNode, event: MouseEvent, target: HTMLElement) =>
					this.app.workspace.trigger("hover-link", { event, source: GRAPH_VIEW_TYPE, hoverParent: this, targetEl: target, linktext: node.id, sourcePath: this.sourcePath }),
				workerSource: this.context.workerSource,
				openLocal: (node: GraphNode) => void this.context.openLocal(node.id),
			};
			this.panel = new GraphPanel(el, host, { compact: true, labels: this.options.labels });
			this.render();
			this.unsubscribe = this.context.data.subscribe(() => this.render());
			this.registerEvent(this.app.workspace.on("css-change", () => this.panel?.refreshTheme()));
		});
	}

	/** The panel on screen, once the graph data is ready (tests drive it). */
	getPanel(): GraphPanel | null {
		return this.panel;
	}

	override onunload(): void {
		this.unloaded = true;
		this.unsubscribe?.();
		this.panel?.destroy();
		this.panel = null;
	}

	private render(): void {
		const panel = this.panel;
		const data = this.context.data;
		if (panel === null || data.revision === this.shownRevision) return;
		const first = this.shownRevision < 0;
		this.shownRevision = data.revision;
		const full = data.current();
		const { sub, focus, message } = this.pick(full);
		const stored = data.positions();
		if (first) {
			// A cluster keeps the places it has in the atlas graph; a neighbourhood gets a layout of its own.
			const positions = this.options.mode === "local" ? undefined : positionsFor(sub.graph, stored);
			panel.show({ graph: sub.graph, positions, focus, fit: true });
		} else panel.update(sub.graph, this.options.mode === "local" ? {} : stored.positions);
		if (message !== "") panel.setMessage(message);
	}

	private pick(full: Graph): { sub: Subgraph; focus: number; message: string } {
		const options = this.options;
		if (options.mode === "all") return { sub: { graph: full, source: full.nodes.map((_, i) => i) }, focus: -1, message: "" };
		if (options.mode === "cluster") {
			const c = full.clusters.findIndex((cluster) => titleKey(cluster.title) === titleKey(options.cluster) || titleKey(noteBaseName(full.nodes[cluster.node]?.id ?? "")) === titleKey(options.cluster));
			if (c < 0) return { sub: clusterGraph(full, -2), focus: -1, message: `No cluster or hub named "${options.cluster}".` };
			const sub = clusterGraph(full, c);
			return { sub, focus: -1, message: "" };
		}
		const target = options.note === "" ? this.sourcePath : (this.app.metadataCache.getFirstLinkpathDest(options.note, this.sourcePath)?.path ?? "");
		const center = full.nodes.findIndex((node) => node.id === target);
		const sub = localGraph(full, center, options.depth);
		if (center < 0) return { sub, focus: -1, message: options.note === "" ? "This note is not part of the atlas graph: add `cluster: <title>` to show a cluster." : `"${options.note}" is not part of the atlas graph.` };
		return { sub, focus: sub.source.indexOf(center), message: "" };
	}
}
