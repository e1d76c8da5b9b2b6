/** A d3-force force pulling every node towards the centre of its cluster, so clusters stay compact shapes. */
import type { Force, SimulationNodeDatum } from "d3";

/** Pulls nodes of cluster c (clusterOf[i] = c, -1 for none) towards their cluster's centroid with the given strength. */
export function forceCluster(clusterOf: Int32Array, strength = 0.12): Force<SimulationNodeDatum, undefined> {
	let nodes: SimulationNodeDatum[] = [];
	let clusterCount = 0;
	let sx = new Float64Array(0);
	let sy = new Float64Array(0);
	let n = new Float64Array(0);
	const force: Force<SimulationNodeDatum, undefined> = (alpha) => {
		sx.fill(0);
		sy.fill(0);
		n.fill(0);
		for (let i = 0; i < nodes.length; i++) {
			const c = clusterOf[i] ?? -1;
			const node = nodes[i];
			if (c < 0 || node === undefined) continue;
			sx[c] = (sx[c] ?? 0) + (node.x ?? 0);
			sy[c] = (sy[c] ?? 0) + (node.y ?? 0);
			n[c] = (n[c] ?? 0) + 1;
		}
		const k = strength * alpha;
		for (let i = 0; i < nodes.length; i++) {
			const c = clusterOf[i] ?? -1;
			const node = nodes[i];
			const count = n[c] ?? 0;
			if (c < 0 || node === undefined || count < 2) continue;
			node.vx = (node.vx ?? 0) + ((sx[c] ?? 0) / count - (node.x ?? 0)) * k;
			node.vy = (node.vy ?? 0) + ((sy[c] ?? 0) / count - (node.y ?? 0)) * k;
		}
	};
	force.initialize = (next: SimulationNodeDatum[]) => {
		nodes = next;
		clusterCount = 0;
		for (let i = 0; i < clusterOf.length; i++) clusterCount = Math.max(clusterCount, (clusterOf[i] ?? -1) + 1);
		sx = new Float64Array(clusterCount);
		sy = new Float64Array(clusterCount);
		n = new Float64Array(clusterCount);
	};
	return force;
}
