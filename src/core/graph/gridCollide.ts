/**
 * Collision for big layouts: the push of d3's `forceCollide` (each overlapping pair moved apart, each node by the
 * other's share of their areas, from the positions the velocities lead to), with the pairs found on a uniform grid
 * instead of a quadtree. At 10,000 nodes d3's quadtree visit was about half of a layout's time though collision runs
 * in only its last ticks: most nodes are small and of similar size, so a grid of cells as wide as two small nodes
 * finds every overlapping pair of them in the 3 × 3 cells around one, and the few big nodes (clusters, sub-topics)
 * look further, each on its own.
 */
import type { Force, SimulationNodeDatum } from "d3";

/** Radii above this quantile make a node "big": it finds its pairs itself instead of through its neighbour cells. */
const SMALL_QUANTILE = 0.95;

/** A collision force over node radii `radius(i)`, with d3's `forceCollide` strength (0..1). */
export function forceGridCollide(radius: (i: number) => number, strength: number): Force<SimulationNodeDatum, undefined> {
	let nodes: SimulationNodeDatum[] = [];
	let random: () => number = () => 0.5;
	let r = new Float64Array(0);
	let big = new Int32Array(0);
	let isBig = new Uint8Array(0);
	let smallMax = 0;
	let largest = 0;
	let cellOf = new Int32Array(0);
	let members = new Int32Array(0);
	let start = new Int32Array(0);
	let cursor = new Int32Array(0);

	// d3's jiggle: a tiny random offset for two nodes at exactly the same place.
	const jiggle = (): number => (random() - 0.5) * 1e-6;

	/** Pushes nodes i (predicted at xi, yi) and j apart if they overlap. */
	const collide = (i: number, xi: number, yi: number, j: number): void => {
		const node = nodes[i];
		const other = nodes[j];
		if (node === undefined || other === undefined) return;
		const ri = r[i] ?? 0;
		const rj = r[j] ?? 0;
		const reach = ri + rj;
		let x = xi - (other.x ?? 0) - (other.vx ?? 0);
		let y = yi - (other.y ?? 0) - (other.vy ?? 0);
		let l = x * x + y * y;
		if (l >= reach * reach) return;
		if (x === 0) {
			x = jiggle();
			l += x * x;
		}
		if (y === 0) {
			y = jiggle();
			l += y * y;
		}
		l = Math.sqrt(l);
		l = ((reach - l) / l) * strength;
		const share = (rj * rj) / (ri * ri + rj * rj);
		x *= l;
		y *= l;
		node.vx = (node.vx ?? 0) + x * share;
		node.vy = (node.vy ?? 0) + y * share;
		other.vx = (other.vx ?? 0) - x * (1 - share);
		other.vy = (other.vy ?? 0) - y * (1 - share);
	};

	// d3's collision ignores alpha: overlaps are undone whatever the temperature.
	const force: Force<SimulationNodeDatum, undefined> = (): void => {
		const n = nodes.length;
		if (n === 0) return;
		let minX = Infinity;
		let minY = Infinity;
		let maxX = -Infinity;
		let maxY = -Infinity;
		for (const node of nodes) {
			const x = (node.x ?? 0) + (node.vx ?? 0);
			const y = (node.y ?? 0) + (node.vy ?? 0);
			if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
		}
		if (minX === Infinity) return;
		// Cells at least as wide as two small nodes; wider where the layout is so spread out that the grid would dwarf the node count.
		let cell = Math.max(2 * smallMax, 1e-6);
		const cellsFor = (size: number): number => (Math.floor((maxX - minX) / size) + 1) * (Math.floor((maxY - minY) / size) + 1);
		while (cellsFor(cell) > 4 * n + 16) cell *= 2;
		const cols = Math.floor((maxX - minX) / cell) + 1;
		const rows = Math.floor((maxY - minY) / cell) + 1;
		const cells = cols * rows;
		if (start.length < cells + 1) {
			start = new Int32Array(cells + 1);
			cursor = new Int32Array(cells + 1);
		} else start.fill(0, 0, cells + 1);

		// Counting sort of the nodes into their cells, in index order within each cell.
		for (let i = 0; i < n; i++) {
			const node = nodes[i];
			const x = (node?.x ?? 0) + (node?.vx ?? 0);
			const y = (node?.y ?? 0) + (node?.vy ?? 0);
			if (!Number.isFinite(x) || !Number.isFinite(y)) {
				cellOf[i] = -1;
				continue;
			}
			const c = Math.floor((x - minX) / cell) + Math.floor((y - minY) / cell) * cols;
			cellOf[i] = c;
			start[c + 1] = (start[c + 1] ?? 0) + 1;
		}
		for (let c = 0; c < cells; c++) start[c + 1] = (start[c + 1] ?? 0) + (start[c] ?? 0);
		cursor.set(start.subarray(0, cells));
		for (let i = 0; i < n; i++) {
			const c = cellOf[i] ?? -1;
			if (c < 0) continue;
			members[cursor[c] ?? 0] = i;
			cursor[c] = (cursor[c] ?? 0) + 1;
		}

		/** Every node in the cells from (c0, r0) to (c1, r1), clamped to the grid. */
		const visit = (i: number, xi: number, yi: number, c0: number, r0: number, c1: number, r1: number, accept: (j: number) => boolean): void => {
			for (let row = Math.max(0, r0); row <= Math.min(rows - 1, r1); row++) {
				for (let col = Math.max(0, c0); col <= Math.min(cols - 1, c1); col++) {
					const c = col + row * cols;
					const end = start[c + 1] ?? 0;
					for (let m = start[c] ?? 0; m < end; m++) {
						const j = members[m] ?? 0;
						if (accept(j)) collide(i, xi, yi, j);
					}
				}
			}
		};

		// Small nodes: each pair once (the later index), from the 3 × 3 cells around the first.
		for (let i = 0; i < n; i++) {
			const c = cellOf[i] ?? -1;
			if (c < 0 || isBig[i] === 1) continue;
			const node = nodes[i];
			const xi = (node?.x ?? 0) + (node?.vx ?? 0);
			const yi = (node?.y ?? 0) + (node?.vy ?? 0);
			const col = c % cols;
			const row = (c - col) / cols;
			visit(i, xi, yi, col - 1, row - 1, col + 1, row + 1, (j) => j > i && isBig[j] !== 1);
		}
		// Big nodes: every node within reach (their radius and the largest), big pairs once.
		for (const b of big) {
			if ((cellOf[b] ?? -1) < 0) continue;
			const node = nodes[b];
			const xb = (node?.x ?? 0) + (node?.vx ?? 0);
			const yb = (node?.y ?? 0) + (node?.vy ?? 0);
			const reach = (r[b] ?? 0) + largest;
			const col = (x: number): number => Math.floor((x - minX) / cell);
			const row = (y: number): number => Math.floor((y - minY) / cell);
			visit(b, xb, yb, col(xb - reach), row(yb - reach), col(xb + reach), row(yb + reach), (j) => j !== b && (isBig[j] !== 1 || j > b));
		}
	};

	force.initialize = (next: SimulationNodeDatum[], source: () => number): void => {
		nodes = next;
		random = source;
		const n = nodes.length;
		r = Float64Array.from({ length: n }, (_, i) => radius(i));
		const sorted = Float64Array.from(r).sort();
		smallMax = sorted[Math.min(n - 1, Math.floor(SMALL_QUANTILE * n))] ?? 0;
		largest = sorted[n - 1] ?? 0;
		isBig = Uint8Array.from(r, (ri) => (ri > smallMax ? 1 : 0));
		big = Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => isBig[i] === 1));
		cellOf = new Int32Array(n);
		members = new Int32Array(n);
	};
	return force;
}
