/**
 * The view's side of the layout: starts the worker from its inlined source (a Blob URL, so mobile works too) and hands
 * every posted frame to `onFrame`. Where no worker can start, the same loop runs on the main thread in short slices.
 */
import type { LayoutGraph } from "../../../core/graph/layoutGraph";
import { startInlineWorker, type InlineWorker } from "../../workers/inlineWorker";
import { LayoutLoop } from "./layoutLoop";
import { transferablesOf, type FromLayoutWorker, type ToLayoutWorker } from "./protocol";

/** One frame from the layout. */
export interface LayoutFrame {
	positions: Float32Array;
	alpha: number;
	settled: boolean;
	tick: number;
	/** Whether the frame answers the latest start or reheat (false: it was posted before the layout received it). */
	current: boolean;
}

/** Runs the layout off the main thread when it can. */
export class LayoutClient {
	private worker: InlineWorker | null = null;
	private loop: LayoutLoop | null = null;
	private closed = false;
	/** Start and reheat messages sent, matched against each frame's `requests`. */
	private requests = 0;
	/** Whether the layout runs in a worker (false: main-thread fallback). */
	readonly inWorker: boolean;

	constructor(
		private readonly win: Window,
		workerSource: string | null,
		private readonly onFrame: (frame: LayoutFrame) => void,
		private readonly onError: (message: string) => void = () => undefined,
	) {
		this.inWorker = workerSource !== null && this.startWorker(workerSource);
		if (!this.inWorker) {
			this.loop = new LayoutLoop({
				post: (message) => this.receive(message),
				// Main thread: one slice per animation frame, so drawing and input stay responsive.
				schedule: (work) => this.win.requestAnimationFrame(() => work()),
				now: () => this.win.performance.now(),
			});
		}
	}

	/** Starts a layout (replacing any running one). The graph's arrays are transferred: do not use them afterwards. */
	start(graph: LayoutGraph, seed: number, positions?: Float32Array, pinned?: number[], alpha?: number): void {
		this.send({ type: "start", graph, seed, positions, pinned, alpha });
	}

	/** Holds node i at (x, y) and lets the rest adjust. */
	pin(index: number, x: number, y: number): void {
		this.send({ type: "pin", index, x, y });
	}

	unpin(index: number): void {
		this.send({ type: "unpin", index });
	}

	reheat(alpha: number): void {
		this.send({ type: "reheat", alpha });
	}

	/** Stops the layout and frees the worker. */
	destroy(): void {
		if (this.closed) return;
		this.closed = true;
		this.loop?.receive({ type: "stop" });
		this.worker?.stop();
		this.worker = null;
		this.loop = null;
	}

	private startWorker(source: string): boolean {
		const started = startInlineWorker(source);
		if (started === null) return false;
		started.worker.onmessage = (event: MessageEvent<FromLayoutWorker>) => this.receive(event.data);
		started.worker.onerror = (event: ErrorEvent) => this.onError(event.message);
		this.worker = started;
		return true;
	}

	private send(message: ToLayoutWorker): void {
		if (this.closed) return;
		if (message.type === "start" || message.type === "reheat") this.requests++;
		if (this.worker !== null) this.worker.worker.postMessage(message, transferablesOf(message));
		else this.loop?.receive(message);
	}

	private receive(message: FromLayoutWorker): void {
		if (this.closed) return;
		if (message.type === "error") this.onError(message.message);
		else this.onFrame({ positions: message.positions, alpha: message.alpha, settled: message.settled, tick: message.tick, current: message.requests === this.requests });
	}
}
