/**
 * @jest-environment jsdom
 *
 * GraphPanel against a stand-in worker whose frames the test posts: what the canvas holds and draws before the layout's
 * first frame (a cold start), and a reopen with every place known, settled at once.
 */
import { generateClusteredGraph } from "../../../src/core/graph/generate";
import { layoutGraphOf } from "../../../src/core/graph/layoutGraph";
import { seedPositions } from "../../../src/core/graph/seedPositions";
import { GraphPanel, type GraphPanelHost } from "../../../src/obsidian/graph/GraphPanel";
import type { FromLayoutWorker, ToLayoutWorker } from "../../../src/obsidian/graph/worker/protocol";
import { installCanvasStandIn } from "./graphPlugin";

/** The worker LayoutClient starts: keeps what it is sent; `post` plays a message from the layout. */
class StandInWorker {
	static last: StandInWorker | null = null;
	onmessage: ((event: { data: FromLayoutWorker }) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	readonly sent: ToLayoutWorker[] = [];
	constructor() {
		StandInWorker.last = this;
	}
	postMessage(message: ToLayoutWorker): void {
		this.sent.push(message);
	}
	terminate(): void {}
	post(data: FromLayoutWorker): void {
		this.onmessage?.({ data });
	}
}

beforeAll(() => {
	installCanvasStandIn();
	(globalThis as { Worker?: unknown }).Worker = StandInWorker;
	URL.createObjectURL = () => "blob:layout";
	URL.revokeObjectURL = () => undefined;
});

const host: GraphPanelHost = { open: () => undefined, hover: () => undefined, workerSource: "/* layout */" };
const graph = generateClusteredGraph({ nodes: 300, clusters: 4, seed: 3 });

function worker(): StandInWorker {
	if (StandInWorker.last === null) throw new Error("no worker started");
	return StandInWorker.last;
}

describe("GraphPanel", () => {
	it("cold start: the canvas draws nothing before the layout's first frame, so nothing is drawn at (0, 0)", () => {
		const panel = new GraphPanel(document.body.createDiv(), host);
		expect(panel.layoutInWorker()).toBe(true);
		panel.show({ graph, fit: true });
		expect(worker().sent.at(-1)?.type).toBe("start");
		expect(panel.getGraph()).toBe(graph);
		expect(panel.canvas.draw().drawnNodes).toBe(0);
		expect(panel.canvas.hitTest(0, 0)).toBe(-1);
		expect(panel.isSettled()).toBe(false);
		const positions = seedPositions(layoutGraphOf(graph));
		worker().post({ type: "positions", positions, alpha: 0.6, settled: false, tick: 0, requests: 1 });
		expect(panel.canvas.getGraph()).toBe(graph);
		expect(panel.canvas.getPositions()).toBe(positions);
		expect(panel.isSettled()).toBe(false);
		panel.destroy();
	});

	it("a first open from an empty store (positions that know no node, as the view passes them) is a cold start too", () => {
		const panel = new GraphPanel(document.body.createDiv(), host);
		panel.show({ graph, positions: new Float32Array(graph.nodes.length * 2).fill(NaN), fit: true });
		expect(worker().sent.at(-1)?.type).toBe("start");
		expect(panel.canvas.draw().drawnNodes).toBe(0);
		expect(panel.isSettled()).toBe(false);
		const positions = seedPositions(layoutGraphOf(graph));
		worker().post({ type: "positions", positions, alpha: 0.6, settled: false, tick: 0, requests: 1 });
		expect(panel.canvas.getGraph()).toBe(graph);
		expect(panel.canvas.getPositions()).toBe(positions);
		panel.destroy();
	});

	it("reopen: with every place known the picture is settled at once, and the layout's unchanged first frame is not drawn again", () => {
		const settled: Float32Array[] = [];
		const panel = new GraphPanel(document.body.createDiv(), host, { onSettled: (_, positions) => settled.push(positions) });
		const stored = seedPositions(layoutGraphOf(graph));
		panel.show({ graph, positions: stored, fit: true });
		expect(panel.canvas.getGraph()).toBe(graph);
		expect(Array.from(panel.canvas.getPositions())).toEqual(Array.from(stored));
		expect(panel.isSettled()).toBe(true);
		expect(panel.rootEl.hasClass("is-settling")).toBe(false);
		const shown = panel.canvas.getPositions();
		const echo = Float32Array.from(stored);
		worker().post({ type: "positions", positions: echo, alpha: 0, settled: true, tick: 0, requests: 1 });
		expect(panel.canvas.getPositions()).toBe(shown);
		expect(settled).toEqual([echo]);
		panel.destroy();
	});

	it("a show with a place missing settles as before: not settled until the layout says so", () => {
		const panel = new GraphPanel(document.body.createDiv(), host);
		const stored = seedPositions(layoutGraphOf(graph));
		stored[0] = NaN;
		stored[1] = NaN;
		panel.show({ graph, positions: stored });
		expect(panel.isSettled()).toBe(false);
		const frame = Float32Array.from(panel.canvas.getPositions());
		worker().post({ type: "positions", positions: frame, alpha: 0.002, settled: true, tick: 40, requests: 1 });
		expect(panel.isSettled()).toBe(true);
		expect(panel.canvas.getPositions()).toBe(frame);
		panel.destroy();
	});

	it("a drag keeps the layout warm and counts as settling until a frame that answers the drop says settled", () => {
		const saved: number[] = [];
		const panel = new GraphPanel(document.body.createDiv(), host, { onSettled: (_, positions) => saved.push(positions.length) });
		const stored = seedPositions(layoutGraphOf(graph));
		panel.show({ graph, positions: stored, fit: true });
		const requests = (): number => worker().sent.filter((m) => m.type === "start" || m.type === "reheat").length;
		worker().post({ type: "positions", positions: Float32Array.from(stored), alpha: 0, settled: true, tick: 0, requests: requests() });
		expect(panel.isSettled()).toBe(true);
		saved.length = 0;
		const at = panel.canvas.screenOf(0);
		expect(panel.canvas.hitTest(at.x, at.y)).toBe(0);
		const mouse = (type: string, target: EventTarget, dx: number): boolean => target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: at.x + dx, clientY: at.y }));
		mouse("mousedown", panel.canvas.canvas, 0);
		for (let step = 1; step <= 3; step++) mouse("mousemove", window, 10 * step);
		// The press and every move keep it warm: a long drag still moves the neighbours.
		expect(worker().sent.filter((m) => m.type === "reheat")).toEqual(Array.from({ length: 4 }, () => ({ type: "reheat", alpha: 0.15 })));
		expect(worker().sent.filter((m) => m.type === "pin")).toHaveLength(4);
		expect(panel.isSettled()).toBe(false);
		// The layout settled during the drag; its frame is on its way when the node is dropped.
		const beforeDrop = requests();
		mouse("mouseup", window, 30);
		expect(panel.getPinned()).toEqual([0]);
		expect(saved).toHaveLength(1);
		expect(requests()).toBe(beforeDrop + 1);
		expect(panel.isSettled()).toBe(false);
		expect(panel.rootEl.hasClass("is-settling")).toBe(true);
		worker().post({ type: "positions", positions: Float32Array.from(panel.canvas.getPositions()), alpha: 0.0009, settled: true, tick: 90, requests: beforeDrop });
		expect(panel.isSettled()).toBe(false);
		expect(saved).toHaveLength(1);
		worker().post({ type: "positions", positions: Float32Array.from(panel.canvas.getPositions()), alpha: 0.0009, settled: true, tick: 140, requests: beforeDrop + 1 });
		expect(panel.isSettled()).toBe(true);
		expect(panel.rootEl.hasClass("is-settling")).toBe(false);
		expect(saved).toHaveLength(2);
		panel.destroy();
	});
});
