/**
 * Persisted positions: node id (vault path) → [x, y], plus pinned ids. Kept by id, not index, so they survive vault
 * changes; renames carry a node's place to its new path.
 */
import type { Graph } from "./model";

/** The stored form (JSON). */
export interface StoredPositions {
	version: 1;
	positions: Record<string, [number, number]>;
	pinned: string[];
}

/** An empty store. */
export function emptyPositions(): StoredPositions {
	return { version: 1, positions: {}, pinned: [] };
}

/** Reads stored JSON data defensively: anything malformed is dropped, never thrown. */
export function parseStoredPositions(data: unknown): StoredPositions {
	const out = emptyPositions();
	if (data === null || typeof data !== "object") return out;
	const record = data as Record<string, unknown>;
	const positions = record.positions;
	if (positions !== null && typeof positions === "object") {
		for (const [id, value] of Object.entries(positions as Record<string, unknown>)) {
			if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number" && Number.isFinite(v))) out.positions[id] = [value[0] as number, value[1] as number];
		}
	}
	if (Array.isArray(record.pinned)) out.pinned = record.pinned.filter((p): p is string => typeof p === "string" && p in out.positions);
	return out;
}

/** Start positions for a graph from the store (NaN where a node has none). */
export function positionsFor(graph: Graph, stored: StoredPositions): Float32Array {
	const out = new Float32Array(graph.nodes.length * 2).fill(NaN);
	// A first open has nothing stored: looking up every node's id (hashing each path) was 27 ms of a 50,000-node open.
	if (holdsNone(stored.positions)) return out;
	graph.nodes.forEach((node, i) => {
		const p = stored.positions[node.id];
		if (p === undefined) return;
		out[2 * i] = p[0];
		out[2 * i + 1] = p[1];
	});
	return out;
}

/** Whether a record has no own key, found without listing its keys. */
function holdsNone(record: Record<string, unknown>): boolean {
	for (const key in record) if (Object.prototype.hasOwnProperty.call(record, key)) return false;
	return true;
}

/** Indices of the stored pinned nodes that are in the graph. */
export function pinnedFor(graph: Graph, stored: StoredPositions): number[] {
	if (stored.pinned.length === 0) return [];
	const pinned = new Set(stored.pinned);
	const out: number[] = [];
	graph.nodes.forEach((node, i) => {
		if (pinned.has(node.id)) out.push(i);
	});
	return out;
}

/** Writes a graph's positions and pins into the store (rounded to 0.1 to keep the file small); other ids are kept. */
export function recordPositions(stored: StoredPositions, graph: Graph, positions: Float32Array, pinned: Iterable<number>): void {
	graph.nodes.forEach((node, i) => {
		const x = positions[2 * i];
		const y = positions[2 * i + 1];
		if (x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y)) return;
		stored.positions[node.id] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
	});
	// The graph's own nodes are pinned exactly as given; pins of nodes outside it (another view's) are kept.
	const inGraph = new Set(graph.nodes.map((node) => node.id));
	const ids = new Set(stored.pinned.filter((id) => !inGraph.has(id)));
	for (const i of pinned) {
		const id = graph.nodes[i]?.id;
		if (id !== undefined) ids.add(id);
	}
	stored.pinned = [...ids];
}

/** Drops ids no longer in the vault. */
export function prunePositions(stored: StoredPositions, exists: (id: string) => boolean): void {
	for (const id of Object.keys(stored.positions)) if (!exists(id)) delete stored.positions[id];
	stored.pinned = stored.pinned.filter((id) => id in stored.positions);
}

/** Moves a node's stored place to its new path after a rename (folders too: every id under `from/`). */
export function renamePositions(stored: StoredPositions, from: string, to: string): void {
	for (const id of Object.keys(stored.positions)) {
		const next = id === from ? to : id.startsWith(`${from}/`) ? `${to}${id.slice(from.length)}` : null;
		if (next === null) continue;
		const value = stored.positions[id];
		delete stored.positions[id];
		if (value !== undefined) stored.positions[next] = value;
	}
	stored.pinned = stored.pinned.map((id) => (id === from ? to : id.startsWith(`${from}/`) ? `${to}${id.slice(from.length)}` : id));
}
