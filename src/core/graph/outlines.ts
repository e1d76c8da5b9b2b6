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
