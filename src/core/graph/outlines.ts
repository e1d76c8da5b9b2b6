/**
 * Cluster outlines: for each cluster, the member farthest out in each of a fixed set of directions, pushed out by its
 * radius. Those support points form a convex polygon close to the padded hull at O(directions × nodes) per frame,
 * without the sort a true hull needs, so outlines can follow a moving layout cheaply.
 */

/** Per cluster, a closed convex polygon (x, y interleaved), or an empty array for a cluster without members. */
export type Outline = Float32Array;

/** Computes one outline per cluster from positions (x, y interleaved). */
export function clusterOutlines(positions: Float32Array, clusterOf: Int32Array, radius: Float32Array, clusterCount: number, padding = 10, directions = 24): Outline[] {
	const cos = new Float64Array(directions);
	const sin = new Float64Array(directions);
	for (let d = 0; d < directions; d++) {
		cos[d] = Math.cos((2 * Math.PI * d) / directions);
		sin[d] = Math.sin((2 * Math.PI * d) / directions);
	}
	const best = new Float64Array(clusterCount * directions).fill(-Infinity);
	const at = new Int32Array(clusterCount * directions).fill(-1);
	const n = clusterOf.length;
	for (let i = 0; i < n; i++) {
		const c = clusterOf[i] ?? -1;
		if (c < 0 || c >= clusterCount) continue;
		const x = positions[2 * i] ?? 0;
		const y = positions[2 * i + 1] ?? 0;
		if (Number.isNaN(x) || Number.isNaN(y)) continue;
		const r = (radius[i] ?? 0) + padding;
		const base = c * directions;
		for (let d = 0; d < directions; d++) {
			const reach = x * (cos[d] ?? 0) + y * (sin[d] ?? 0) + r;
			if (reach > (best[base + d] ?? -Infinity)) {
				best[base + d] = reach;
				at[base + d] = i;
			}
		}
	}
	const out: Outline[] = [];
	for (let c = 0; c < clusterCount; c++) {
		const points: number[] = [];
		for (let d = 0; d < directions; d++) {
			const i = at[c * directions + d] ?? -1;
			if (i < 0) continue;
			const r = (radius[i] ?? 0) + padding;
			// The support point of the node's padded circle in this direction.
			points.push((positions[2 * i] ?? 0) + (cos[d] ?? 0) * r, (positions[2 * i + 1] ?? 0) + (sin[d] ?? 0) * r);
		}
		out.push(Float32Array.from(points));
	}
	return out;
}

/** Whether (x, y) lies inside a convex outline. */
export function insideOutline(outline: Outline, x: number, y: number): boolean {
	const count = outline.length / 2;
	if (count < 3) return false;
	let sign = 0;
	for (let p = 0; p < count; p++) {
		const ax = outline[2 * p] ?? 0;
		const ay = outline[2 * p + 1] ?? 0;
		const bx = outline[(2 * p + 2) % outline.length] ?? 0;
		const by = outline[(2 * p + 3) % outline.length] ?? 0;
		const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
		if (cross === 0) continue;
		const s = cross > 0 ? 1 : -1;
		if (sign === 0) sign = s;
		else if (s !== sign) return false;
	}
	return true;
}

/**
 * Outlines that follow a moving layout at a fraction of `clusterOutlines`' cost. The outline is made of support
 * points, and while the layout moves the member farthest out in a direction rarely changes from one frame to the next:
 * `update` scans every member of one cluster in `share` (a different share each call, so each cluster is scanned whole
 * every `share` updates) and, for the other clusters, only the members that were their support nodes. `full` scans
 * everything, for a layout at rest or after a jump (a drag, a filter). Outlines are the same as `clusterOutlines` gives
 * after a full scan. Given `core` members (a cluster's own node and its sub-topics), the first `update` scans only
 * those: a layout's first frame gets outlines around its structure at once, grown to every member within `share`
 * updates, instead of a scan of every member in the frame that already does the most first-time work. Nothing is allocated per call (typed arrays are slow to allocate in a browser): the outlines
 * returned are the tracker's own and change with the next call; copy them to keep them.
 */
export class OutlineTracker {
	private readonly directions: number;
	private readonly cos: Float64Array;
	private readonly sin: Float64Array;
	/** Members grouped by cluster: members.slice(start[c], start[c + 1]). */
	private readonly start: Int32Array;
	private readonly members: Int32Array;
	/** The core members grouped the same way (null: no core). */
	private readonly core: Int32Array | null;
	private coreStart = new Int32Array(0);
	/** Per cluster and direction, the support node (-1: none yet). */
	private readonly at: Int32Array;
	private readonly best: Float64Array;
	private hasScanned = false;
	private phase = 0;
	/** A partial scan's candidates (the support nodes before it). */
	private readonly candidates: Int32Array;
	private readonly out: Outline[] = [];

	constructor(
		clusterOf: Int32Array,
		private readonly radius: Float32Array,
		private readonly clusterCount: number,
		private readonly padding = 10,
		directions = 24,
		/** 1 for the members a first `update` scans; null: every member. */
		core: Uint8Array | null = null,
	) {
		this.directions = directions;
		this.cos = new Float64Array(directions);
		this.sin = new Float64Array(directions);
		for (let d = 0; d < directions; d++) {
			this.cos[d] = Math.cos((2 * Math.PI * d) / directions);
			this.sin[d] = Math.sin((2 * Math.PI * d) / directions);
		}
		const start = new Int32Array(clusterCount + 1);
		for (const c of clusterOf) if (c >= 0 && c < clusterCount) start[c + 1] = (start[c + 1] ?? 0) + 1;
		for (let c = 0; c < clusterCount; c++) start[c + 1] = (start[c + 1] ?? 0) + (start[c] ?? 0);
		const fill = start.slice(0, clusterCount);
		this.members = new Int32Array(start[clusterCount] ?? 0);
		clusterOf.forEach((c, i) => {
			if (c < 0 || c >= clusterCount) return;
			this.members[fill[c] ?? 0] = i;
			fill[c] = (fill[c] ?? 0) + 1;
		});
		this.start = start;
		// The core members, cluster by cluster in the same order: a first update visits only them.
		this.core = core === null ? null : this.members.filter((i) => core[i] === 1);
		if (this.core !== null) {
			const coreStart = new Int32Array(clusterCount + 1);
			for (const i of this.core) {
				const c = clusterOf[i] ?? 0;
				coreStart[c + 1] = (coreStart[c + 1] ?? 0) + 1;
			}
			for (let c = 0; c < clusterCount; c++) coreStart[c + 1] = (coreStart[c + 1] ?? 0) + (coreStart[c] ?? 0);
			this.coreStart = coreStart;
		}
		this.at = new Int32Array(clusterCount * directions).fill(-1);
		this.best = new Float64Array(clusterCount * directions);
		this.candidates = new Int32Array(directions);
	}

	/** Whether the members were scanned yet (a first `update` scans the core members, or every member). */
	get scanned(): boolean {
		return this.hasScanned;
	}

	/** Scans every member of every cluster. */
	full(positions: Float32Array): Outline[] {
		for (let c = 0; c < this.clusterCount; c++) this.scanCluster(positions, c, true);
		this.hasScanned = true;
		return this.outlines(positions);
	}

	/** Scans one cluster in `share` whole and the others' support nodes only (the first time: the core members, or every member). */
	update(positions: Float32Array, share = 8): Outline[] {
		if (!this.hasScanned && this.core === null) return this.full(positions);
		if (!this.hasScanned) {
			for (let c = 0; c < this.clusterCount; c++) this.scanCluster(positions, c, true, true);
			this.hasScanned = true;
			return this.outlines(positions);
		}
		const phase = this.phase;
		this.phase = (phase + 1) % share;
		for (let c = 0; c < this.clusterCount; c++) this.scanCluster(positions, c, c % share === phase);
		return this.outlines(positions);
	}

	/** Scans cluster c: every member (`whole`; its core members only with `coreOnly`), else its support nodes before the scan. */
	private scanCluster(positions: Float32Array, c: number, whole: boolean, coreOnly = false): void {
		const D = this.directions;
		const base = c * D;
		const best = this.best;
		const at = this.at;
		// The support nodes before the scan are the candidates of a partial scan (copied: the scan overwrites them).
		const candidates = whole ? null : this.candidates;
		if (candidates !== null) candidates.set(at.subarray(base, base + D));
		best.fill(-Infinity, base, base + D);
		at.fill(-1, base, base + D);
		const list = coreOnly && this.core !== null ? this.core : this.members;
		const starts = coreOnly && this.core !== null ? this.coreStart : this.start;
		const count = whole ? (starts[c + 1] ?? 0) - (starts[c] ?? 0) : D;
		const first = starts[c] ?? 0;
		for (let m = 0; m < count; m++) {
			const i = candidates === null ? (list[first + m] ?? -1) : (candidates[m] ?? -1);
			if (i < 0) continue;
			const x = positions[2 * i] ?? 0;
			const y = positions[2 * i + 1] ?? 0;
			if (Number.isNaN(x) || Number.isNaN(y)) continue;
			const r = (this.radius[i] ?? 0) + this.padding;
			for (let d = 0; d < D; d++) {
				const reach = x * (this.cos[d] ?? 0) + y * (this.sin[d] ?? 0) + r;
				if (reach > (best[base + d] ?? -Infinity)) {
					best[base + d] = reach;
					at[base + d] = i;
				}
			}
		}
	}

	private outlines(positions: Float32Array): Outline[] {
		const D = this.directions;
		const out = this.out;
		for (let c = 0; c < this.clusterCount; c++) {
			let count = 0;
			for (let d = 0; d < D; d++) if ((this.at[c * D + d] ?? -1) >= 0) count++;
			let points = out[c];
			if (points === undefined || points.length !== count * 2) {
				points = new Float32Array(count * 2);
				out[c] = points;
			}
			let p = 0;
			for (let d = 0; d < D; d++) {
				const i = this.at[c * D + d] ?? -1;
				if (i < 0) continue;
				const r = (this.radius[i] ?? 0) + this.padding;
				points[p++] = (positions[2 * i] ?? 0) + (this.cos[d] ?? 0) * r;
				points[p++] = (positions[2 * i + 1] ?? 0) + (this.sin[d] ?? 0) * r;
			}
		}
		return out;
	}
}

/**
 * Whether any outline reaches out further or less far than before by more than `tolerance` (world units) in one of its
 * directions, or changed its point count. This compares the shape, not the points: along a flat edge the support point
 * of a direction can jump between two members far apart while the outline stays where it was.
 */
export function outlinesMoved(a: Outline[], b: Outline[], tolerance: number): boolean {
	if (a.length !== b.length) return true;
	for (let c = 0; c < a.length; c++) {
		const p = a[c];
		const q = b[c];
		if (p === undefined || q === undefined || p.length !== q.length) return true;
		const count = p.length / 2;
		for (let d = 0; d < count; d++) {
			// Point d is the support point in direction d of `count` (OutlineTracker and clusterOutlines give every direction or none).
			const angle = (2 * Math.PI * d) / count;
			const dx = (p[2 * d] ?? 0) - (q[2 * d] ?? 0);
			const dy = (p[2 * d + 1] ?? 0) - (q[2 * d + 1] ?? 0);
			if (Math.abs(dx * Math.cos(angle) + dy * Math.sin(angle)) > tolerance) return true;
		}
	}
	return false;
}
