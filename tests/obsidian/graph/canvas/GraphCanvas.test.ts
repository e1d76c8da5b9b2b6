/**
 * @jest-environment jsdom
 *
 * GraphCanvas.resize: a view opened before its pane has its final size is fitted again when the pane settles, until the
 * user moves it; after that a resize keeps the point at the centre. jsdom lays nothing out, so the container's size is
 * set by hand and `resize()` is called as the ResizeObserver (or the view's onResize) would.
 */
import { installDomHelpers } from "../../../obsidian-stub/dom";
import { GraphCanvas } from "../../../../src/obsidian/graph/canvas/GraphCanvas";
import type { Graph } from "../../../../src/core/graph/model";
import { FALLBACK_PALETTE } from "../../../../src/obsidian/graph/canvas/palette";
import { installCanvasStandIn } from "../graphPlugin";
import { generateClusteredGraph } from "../../../../src/core";
import { OVERVIEW_BUDGET } from "../../../../src/core/graph/viewTransform";

beforeAll(() => {
	installDomHelpers();
	installCanvasStandIn();
});

const GRAPH: Graph = {
	nodes: [
		{ id: "a.md", title: "A", kind: "question", cluster: -1, parent: -1, weight: 1, description: "" },
		{ id: "b.md", title: "B", kind: "question", cluster: -1, parent: -1, weight: 1, description: "" },
		{ id: "c.md", title: "A title long enough to be cut at the edge", kind: "question", cluster: -1, parent: -1, weight: 1, description: "" },
	],
	links: [],
	clusters: [],
};
const POSITIONS = Float32Array.from([-300, -40, 260, 10, 20, 90]);

/** A container whose size the test sets, and a canvas in it showing GRAPH. */
function mount(width: number, height: number): { canvas: GraphCanvas; setSize: (width: number, height: number) => void } {
	const container = document.body.createDiv();
	let size = { width, height };
	container.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: size.width, bottom: size.height, ...size, toJSON: () => size });
	const canvas = new GraphCanvas(container, GRAPH, { palette: FALLBACK_PALETTE });
	canvas.setPositions(Float32Array.from(POSITIONS));
	return {
		canvas,
		setSize: (w, h) => {
			size = { width: w, height: h };
			canvas.resize();
		},
	};
}

/** A container in the document that says it is 1000 × 800 (jsdom lays nothing out). */
function sizedContainer(): HTMLElement {
	const container = document.body.createDiv();
	container.getBoundingClientRect = () => ({ x: 0, y: 0, left: 0, top: 0, right: 1000, bottom: 800, width: 1000, height: 800, toJSON: () => ({}) });
	return container;
}

/** The view's centre in world space. */
function centre(canvas: GraphCanvas, width: number, height: number): [number, number] {
	const { x, y, k } = canvas.getTransform();
	return [(width / 2 - x) / k, (height / 2 - y) / k];
}

describe("GraphCanvas.resize", () => {
	it("refits a view fitted for another size: the same picture as a view opened at the new size", () => {
		const { canvas, setSize } = mount(1000, 600);
		canvas.fit();
		setSize(660, 600);
		const fresh = mount(660, 600).canvas;
		fresh.fit();
		expect(canvas.getTransform()).toEqual(fresh.getTransform());
		// Every node, with room for its label, is inside the narrow pane, and the drawing is centred.
		const xs = [0, 1, 2].map((i) => canvas.screenOf(i).x);
		expect(Math.min(...xs)).toBeGreaterThan(0);
		expect(Math.max(...xs)).toBeLessThan(660);
		expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(330, 0);
		canvas.destroy();
		fresh.destroy();
	});

	it("fits when first shown at a real size, and a hidden pane (0 × 0) that comes back at the same size keeps its view", () => {
		const { canvas, setSize } = mount(0, 0);
		canvas.fit();
		expect(canvas.getTransform()).toEqual({ x: 0, y: 0, k: 1 });
		setSize(800, 500);
		const fitted = canvas.getTransform();
		expect(fitted).not.toEqual({ x: 0, y: 0, k: 1 });
		canvas.zoomTo({ x: 120, y: 80, k: 1.5 });
		setSize(0, 0);
		setSize(800, 500);
		expect(canvas.getTransform()).toEqual({ x: 120, y: 80, k: 1.5 });
		canvas.destroy();
	});

	it("after the user zooms, a resize keeps the centre and the zoom; fitting again brings back refitting", () => {
		const { canvas, setSize } = mount(1000, 600);
		canvas.fit();
		canvas.canvas.dispatchEvent(new WheelEvent("wheel", { bubbles: true, cancelable: true, deltaY: -200, clientX: 400, clientY: 300 }));
		const zoomed = canvas.getTransform();
		expect(zoomed.k).toBeGreaterThan(0);
		const before = centre(canvas, 1000, 600);
		setSize(660, 400);
		expect(canvas.getTransform().k).toBe(zoomed.k);
		const after = centre(canvas, 660, 400);
		expect(after[0]).toBeCloseTo(before[0], 6);
		expect(after[1]).toBeCloseTo(before[1], 6);

		canvas.fit();
		setSize(1000, 600);
		const fresh = mount(1000, 600).canvas;
		fresh.fit();
		expect(canvas.getTransform()).toEqual(fresh.getTransform());
		canvas.destroy();
		fresh.destroy();
	});

	it("destroy removes the canvas's d3 handlers (zoom, drag and its own)", () => {
		const { canvas } = mount(400, 300);
		const el = canvas.canvas;
		canvas.destroy();
		const handlers = (el as unknown as { __on?: unknown[] }).__on ?? [];
		expect(handlers).toEqual([]);
	});
});

describe("GraphCanvas semantic zoom", () => {
	it("opens a huge atlas on its clusters alone, sub-topics joining as the view zooms in; a small one shows both", () => {
		const show = (clusters: number): { clusters: number; overview: number; at: (k: number) => number } => {
			const graph = generateClusteredGraph({ nodes: 3000, clusters, subtopicsPerCluster: 8, seed: 3 });
			const container = sizedContainer();
			const canvas = new GraphCanvas(container, graph, { palette: FALLBACK_PALETTE });
			canvas.resize();
			// Every node within 1,500 world units of the centre: all in view at these zooms.
			canvas.setPositions(Float32Array.from({ length: graph.nodes.length * 2 }, (_, i) => (((i * 7919) % 3000) - 1500) * (i % 2 === 0 ? 1 : 0.5)), true);
			const at = (k: number): number => {
				canvas.zoomTo({ k, x: 500, y: 400 });
				return canvas.draw().drawnNodes;
			};
			return { clusters: graph.nodes.filter((n) => n.kind === "cluster").length, overview: graph.nodes.filter((n) => n.kind === "cluster" || n.kind === "subtopic").length, at };
		};
		const huge = show(60);
		expect(huge.overview).toBeGreaterThan(OVERVIEW_BUDGET);
		expect(huge.at(0.1)).toBe(huge.clusters);
		expect(huge.at(0.2)).toBe(huge.overview);
		const small = show(20);
		expect(small.overview).toBeLessThanOrEqual(OVERVIEW_BUDGET);
		expect(small.at(0.1)).toBe(small.overview);
	});

	it("names each cluster's hull even while the Clusters type is hidden", () => {
		const graph = generateClusteredGraph({ nodes: 200, clusters: 3, subtopicsPerCluster: 2, seed: 5 });
		const container = sizedContainer();
		const canvas = new GraphCanvas(container, graph, { palette: FALLBACK_PALETTE });
		canvas.resize();
		// Three clusters far apart, each node near its own cluster's place.
		const positions = new Float32Array(graph.nodes.length * 2);
		graph.nodes.forEach((n, i) => {
			positions[2 * i] = (n.cluster - 1) * 600 + ((i * 37) % 60) - 30;
			positions[2 * i + 1] = ((i * 53) % 60) - 30;
		});
		canvas.setPositions(positions, true);
		canvas.zoomTo({ k: 0.3, x: 500, y: 400 });
		const shown = (allow: (kind: string) => boolean): number => {
			canvas.setFilter(Uint8Array.from(graph.nodes, (n) => (allow(n.kind) ? 1 : 0)));
			return canvas.draw().drawnLabels;
		};
		// Questions alone: small notes get no label at this zoom, so every label drawn names a hull.
		expect(shown((kind) => kind === "question")).toBe(3);
		expect(shown((kind) => kind === "question" || kind === "cluster")).toBe(3);
	});
});

describe("GraphCanvas cold start", () => {
	/** Three clusters far apart, their cluster and sub-topic nodes at its place, one note of the first far below it. */
	function coldStart(themed = false): { graph: Graph; canvas: GraphCanvas; positions: Float32Array; far: number } {
		const graph = generateClusteredGraph({ nodes: 200, clusters: 3, subtopicsPerCluster: 2, seed: 5 });
		const container = sizedContainer();
		// Themed: the colours come from the theme's variables, read once the canvas is shown (not here: no resize).
		const canvas = new GraphCanvas(container, graph, themed ? {} : { palette: FALLBACK_PALETTE });
		if (!themed) canvas.resize();
		const positions = new Float32Array(graph.nodes.length * 2);
		graph.nodes.forEach((n, i) => {
			const structure = n.kind === "cluster" || n.kind === "subtopic";
			positions[2 * i] = (n.cluster - 1) * 600 + (structure ? 0 : ((i * 37) % 60) - 30);
			positions[2 * i + 1] = structure ? 0 : ((i * 53) % 60) - 30;
		});
		const far = graph.nodes.findIndex((n) => n.cluster === 0 && n.kind === "question");
		positions[2 * far + 1] = 250;
		return { graph, canvas, positions, far };
	}

	afterEach(() => jest.useRealTimers());

	it("a layout's first frame wraps each cluster's structure only, though the outlines were prepared while waiting for it", () => {
		jest.useFakeTimers();
		const { graph, canvas, positions, far } = coldStart();
		canvas.expectGraph(graph);
		// The set-up steps run while the layout computes its first frame (the outline tracker is among them).
		jest.runAllTimers();
		canvas.setPositions(Float32Array.from(positions));
		canvas.zoomTo({ k: 0.5, x: 500, y: 300 });
		canvas.draw();
		const { x, y } = canvas.screenOf(far);
		expect(canvas.clusterAt(x, y)).toBe(-1);
		// At rest the outlines wrap every member.
		canvas.setPositions(Float32Array.from(positions), true);
		expect(canvas.clusterAt(x, y)).toBe(0);
		canvas.destroy();
	});

	it("reads no theme colours for a draw while the positions are still to come", () => {
		const { graph, canvas, positions } = coldStart(true);
		canvas.expectGraph(graph);
		const read = jest.spyOn(window, "getComputedStyle");
		try {
			canvas.draw();
			expect(read).not.toHaveBeenCalled();
			canvas.setPositions(positions);
			canvas.draw();
			expect(read).toHaveBeenCalled();
		} finally {
			read.mockRestore();
			canvas.destroy();
		}
	});
});

describe("GraphCanvas batched drawing", () => {
	it("fills one path per node colour and strokes one for the links, however many nodes there are, and adds no element per node", () => {
		const context = document.createElement("canvas").getContext("2d") as unknown as Record<string, unknown>;
		const calls = (graphSize: number): { fill: number; stroke: number; arcs: number; drawn: number; elements: number } => {
			const graph = generateClusteredGraph({ nodes: graphSize, clusters: 4, subtopicsPerCluster: 4, seed: 9 });
			const container = sizedContainer();
			const canvas = new GraphCanvas(container, graph, { palette: FALLBACK_PALETTE, semanticZoom: false, labels: false });
			canvas.resize();
			canvas.setPositions(Float32Array.from({ length: graph.nodes.length * 2 }, (_, i) => ((i * 7919) % 600) - 300), true);
			canvas.zoomTo({ k: 1, x: 500, y: 400 });
			const counts = { fill: 0, stroke: 0, arcs: 0 };
			// Every stand-in canvas shares one context: count what the frame asks of it (the hull layer's own fills included).
			context.fill = () => counts.fill++;
			context.stroke = () => counts.stroke++;
			context.arc = () => counts.arcs++;
			try {
				const drawn = canvas.draw().drawnNodes;
				return { ...counts, drawn, elements: container.querySelectorAll("*").length };
			} finally {
				delete context.fill;
				delete context.stroke;
				delete context.arc;
				canvas.destroy();
			}
		};
		const small = calls(200);
		const large = calls(2000);
		expect(large.drawn).toBe(2000);
		expect(large.arcs).toBe(2000);
		expect(large.fill).toBe(small.fill);
		expect(large.stroke).toBe(small.stroke);
		expect(large.fill).toBeLessThanOrEqual(8 * 3);
		expect(large.elements).toBe(small.elements);
	});
});
