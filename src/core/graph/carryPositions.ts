/** Positions across a graph change: nodes keep their place by id; new ones get NaN so the layout places them beside their parent. */
import type { Graph } from "./model";

/** Start positions for `next` from the positions of `previous` (x, y interleaved), then from `fallback` ids; NaN elsewhere. */
export function carryPositions(previous: Graph, positions: Float32Array, next: Graph, fallback: Record<string, [number, number]> = {}): Float32Array {
	const at = new Map<string, number>();
	previous.nodes.forEach((node, i) => at.set(node.id, i));
	const out = new Float32Array(next.nodes.length * 2).fill(NaN);
	next.nodes.forEach((node, i) => {
		const j = at.get(node.id);
		const x = j === undefined ? undefined : positions[2 * j];
		const y = j === undefined ? undefined : positions[2 * j + 1];
		if (x !== undefined && y !== undefined && !Number.isNaN(x) && !Number.isNaN(y)) {
			out[2 * i] = x;
			out[2 * i + 1] = y;
			return;
		}
		const stored = fallback[node.id];
		if (stored !== undefined) {
			out[2 * i] = stored[0];
			out[2 * i + 1] = stored[1];
		}
	});
	return out;
}

/** Maps indices of `previous` (e.g. pinned nodes) to indices of `next` by id, dropping those that are gone. */
export function carryIndices(previous: Graph, indices: Iterable<number>, next: Graph): number[] {
	const at = new Map<string, number>();
	next.nodes.forEach((node, i) => at.set(node.id, i));
	const out: number[] = [];
	for (const i of indices) {
		const id = previous.nodes[i]?.id;
		const j = id === undefined ? undefined : at.get(id);
		if (j !== undefined) out.push(j);
	}
	return out;
}
