/**
 * Messages between the view and the layout worker. Positions travel as transferable Float32Arrays (x, y interleaved),
 * so a frame costs the main thread no copy.
 */
import type { LayoutGraph } from "../../../core/graph/layoutGraph";

/** View → worker. */
export type ToLayoutWorker =
	/**
	 * Starts (or restarts) a layout; `positions` holds NaN where a node's place is unknown; `alpha` continues a layout
	 * that was still moving (see `LayoutOptions.alpha`).
	 */
	| { type: "start"; graph: LayoutGraph; seed: number; positions?: Float32Array; pinned?: number[]; alpha?: number }
	/** Holds a node where the user dropped it. */
	| { type: "pin"; index: number; x: number; y: number }
	| { type: "unpin"; index: number }
	/** Warms the simulation up again (a drag began, nodes were added). */
	| { type: "reheat"; alpha: number }
	/** Stops ticking; the worker then only answers new messages. */
	| { type: "stop" };

/** Worker → view. */
export type FromLayoutWorker =
	/**
	 * A frame: the positions after `tick` ticks; `settled` once nothing moves any more. `requests` counts the start and
	 * reheat messages received before it, so the view can tell a frame that answers its latest request from one that
	 * was already on its way.
	 */
	| { type: "positions"; positions: Float32Array; alpha: number; settled: boolean; tick: number; requests: number }
	| { type: "error"; message: string };

/** Every typed array inside a start message, to pass as its transfer list. */
export function transferablesOf(message: ToLayoutWorker): Transferable[] {
	if (message.type !== "start") return [];
	const g = message.graph;
	const out: Transferable[] = [g.links.buffer, g.linkKinds.buffer, g.cluster.buffer, g.parent.buffer, g.level.buffer, g.radius.buffer];
	if (message.positions !== undefined) out.push(message.positions.buffer);
	return out as ArrayBuffer[];
}
