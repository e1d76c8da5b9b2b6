import { generateClusteredGraph } from "../../../src/core/graph/generate";
import { layoutGraphOf } from "../../../src/core/graph/layoutGraph";
import { LayoutLoop } from "../../../src/obsidian/graph/worker/layoutLoop";
import { transferablesOf, type FromLayoutWorker } from "../../../src/obsidian/graph/worker/protocol";

/** A host whose clock advances 5 ms per reading and whose scheduled work runs when the test says. */
function host(): { posted: { message: FromLayoutWorker; transfer: Transferable[] }[]; queue: (() => void)[]; host: ConstructorParameters<typeof LayoutLoop>[0] } {
	const posted: { message: FromLayoutWorker; transfer: Transferable[] }[] = [];
	const queue: (() => void)[] = [];
	let now = 0;
	return { posted, queue, host: { post: (message, transfer) => posted.push({ message, transfer }), schedule: (work) => queue.push(work), now: () => (now += 5) } };
}

describe("LayoutLoop (the worker's side of the protocol)", () => {
	const graph = generateClusteredGraph({ nodes: 200, clusters: 3, seed: 1 });

	it("posts a first frame at once, then one frame per slice with its buffer transferred, until settled", () => {
		const h = host();
		const loop = new LayoutLoop(h.host);
		loop.receive({ type: "start", graph: layoutGraphOf(graph), seed: 1 });
		expect(h.posted).toHaveLength(1);
		expect(h.posted[0]?.message).toMatchObject({ type: "positions", tick: 0, settled: false });
		for (let guard = 0; h.queue.length > 0 && guard < 1000; guard++) h.queue.shift()?.();
		const frames = h.posted.map((p) => p.message);
		const last = frames.at(-1);
		expect(last).toMatchObject({ type: "positions", settled: true, tick: 201 });
		// The clock advances 5 ms per reading: a slice starting at 5 ms ends at 17 ms, after ticks read at 10, 15 and 20.
		expect(frames[1]).toMatchObject({ tick: 3 });
		for (const { message, transfer } of h.posted) if (message.type === "positions") expect(transfer).toEqual([message.positions.buffer]);
		expect(h.queue).toEqual([]);
	});

	it("pins a node, wakes a settled layout on reheat, and stops on stop", () => {
		const h = host();
		const loop = new LayoutLoop(h.host);
		const positions = new Float32Array(graph.nodes.length * 2).fill(1);
		loop.receive({ type: "start", graph: layoutGraphOf(graph), seed: 1, positions: positions.map((_, i) => i) });
		expect(h.posted.at(-1)?.message).toMatchObject({ settled: true, requests: 1 });
		loop.receive({ type: "pin", index: 0, x: 500, y: 600 });
		loop.receive({ type: "reheat", alpha: 0.1 });
		expect(h.queue).toHaveLength(1);
		h.queue.shift()?.();
		const frame = h.posted.at(-1)?.message;
		if (frame?.type !== "positions") throw new Error("no frame");
		expect([frame.positions[0], frame.positions[1]]).toEqual([500, 600]);
		// Pins are not counted: only a start or a reheat is answered by frames, which echo how many came before them.
		expect(frame.requests).toBe(2);
		loop.receive({ type: "stop" });
		h.queue.splice(0).forEach((work) => work());
		const count = h.posted.length;
		loop.receive({ type: "reheat", alpha: 0.5 });
		expect(h.posted).toHaveLength(count);
	});

	it("reports errors as messages, never throws", () => {
		const h = host();
		const loop = new LayoutLoop(h.host);
		loop.receive({ type: "start", graph: { ...layoutGraphOf(graph), radius: null as unknown as Float32Array }, seed: 1 });
		expect(h.posted.map((p) => p.message.type)).toEqual(["error"]);
	});

	it("lists every typed array of a start message for transfer", () => {
		const g = layoutGraphOf(graph);
		const positions = new Float32Array(4);
		expect(transferablesOf({ type: "start", graph: g, seed: 1, positions })).toEqual([g.links.buffer, g.linkKinds.buffer, g.cluster.buffer, g.parent.buffer, g.level.buffer, g.radius.buffer, positions.buffer]);
		expect(transferablesOf({ type: "reheat", alpha: 1 })).toEqual([]);
	});
});
