/**
 * The worker's loop, kept apart from `self` so it also runs on the main thread (fallback when workers are unavailable)
 * and in tests: tick in slices of a few milliseconds, post positions after each slice, stop when settled.
 */
import { createLayout, type Layout } from "../../../core/graph/layout";
import type { FromLayoutWorker, ToLayoutWorker } from "./protocol";

/** How long one slice of ticks may run before positions are posted (one frame's worth). */
const SLICE_MS = 12;

/** Scheduling and posting, supplied by the host (a worker scope or the main thread). */
export interface LoopHost {
	post(message: FromLayoutWorker, transfer: Transferable[]): void;
	/** Runs `work` soon (setTimeout in a worker, an idle/animation frame on the main thread). */
	schedule(work: () => void): void;
	now(): number;
}

/** Handles view messages and drives the layout. */
export class LayoutLoop {
	private layout: Layout | null = null;
	private ticks = 0;
	private running = false;
	private generation = 0;
	/** Start and reheat messages received (echoed in every frame). */
	private requests = 0;

	constructor(private readonly host: LoopHost) {}

	/** Applies one message from the view. */
	receive(message: ToLayoutWorker): void {
		try {
			this.apply(message);
		} catch (error) {
			this.host.post({ type: "error", message: error instanceof Error ? error.message : String(error) }, []);
		}
	}

	private apply(message: ToLayoutWorker): void {
		if (message.type === "start" || message.type === "reheat") this.requests++;
		switch (message.type) {
			case "start":
				this.layout = createLayout(message.graph, { seed: message.seed, positions: message.positions, pinned: message.pinned, alpha: message.alpha });
				this.ticks = 0;
				this.generation++;
				this.post();
				break;
			case "pin":
				this.layout?.pin(message.index, message.x, message.y);
				break;
			case "unpin":
				this.layout?.unpin(message.index);
				break;
			case "reheat":
				this.layout?.reheat(message.alpha);
				break;
			case "stop":
				this.layout = null;
				this.generation++;
				this.running = false;
				return;
		}
		this.run();
	}

	private run(): void {
		if (this.running || this.layout === null || this.layout.settled()) return;
		this.running = true;
		const generation = this.generation;
		const slice = (): void => {
			const layout = this.layout;
			if (layout === null || generation !== this.generation) {
				this.running = false;
				if (layout !== null) this.run();
				return;
			}
			const end = this.host.now() + SLICE_MS;
			do {
				layout.tick();
				this.ticks++;
			} while (!layout.settled() && this.host.now() < end);
			this.post();
			if (layout.settled()) this.running = false;
			else this.host.schedule(slice);
		};
		this.host.schedule(slice);
	}

	private post(): void {
		const layout = this.layout;
		if (layout === null) return;
		const positions = layout.positions();
		this.host.post({ type: "positions", positions, alpha: layout.alpha(), settled: layout.settled(), tick: this.ticks, requests: this.requests }, [positions.buffer]);
	}
}
