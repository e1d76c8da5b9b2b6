/** The view transform (screen = world × k + (x, y)): semantic zoom levels and fitting bounds into a view. */

/** A d3-zoom style transform. */
export interface ViewTransform {
	x: number;
	y: number;
	k: number;
}

/** Zoom at which notes (questions, reviews, other notes) appear; below it the overview shows clusters and sub-topics. */
export const NOTE_ZOOM = 0.45;
/** Zoom at which episodes appear. */
export const EPISODE_ZOOM = 0.8;

/** Zoom at which sub-topics and hub sections join a large overview (see `OVERVIEW_BUDGET`). */
export const SUBTOPIC_ZOOM = 0.15;
/** The most clusters, hubs, sub-topics and sections an overview shows at once: beyond it, zoomed out, it shows clusters and hubs alone. */
export const OVERVIEW_BUDGET = 400;

/**
 * The deepest hierarchy level drawn at zoom k (see `levelOf`): 1 in the overview, 3 when every node shows. An
 * overview of more than OVERVIEW_BUDGET nodes (`overviewNodes`: clusters, hubs, sub-topics and sections) shows level 0
 * only below SUBTOPIC_ZOOM, so even a huge vault opens on a few hundred nodes.
 */
export function maxLevelAt(k: number, overviewNodes = 0): number {
	if (k < NOTE_ZOOM) return overviewNodes > OVERVIEW_BUDGET && k < SUBTOPIC_ZOOM ? 0 : 1;
	return k < EPISODE_ZOOM ? 2 : 3;
}

/** World-space bounds. */
export interface Bounds {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

/** Bounds of the positions of the nodes `include` accepts (all when omitted), grown by each node's radius; null when none. */
export function boundsOf(positions: Float32Array, radius: Float32Array, include?: (i: number) => boolean): Bounds | null {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	const n = positions.length / 2;
	for (let i = 0; i < n; i++) {
		if (include !== undefined && !include(i)) continue;
		const x = positions[2 * i] ?? NaN;
		const y = positions[2 * i + 1] ?? NaN;
		if (Number.isNaN(x) || Number.isNaN(y)) continue;
		const r = radius[i] ?? 0;
		minX = Math.min(minX, x - r);
		minY = Math.min(minY, y - r);
		maxX = Math.max(maxX, x + r);
		maxY = Math.max(maxY, y + r);
	}
	return minX === Infinity ? null : { minX, minY, maxX, maxY };
}

/** The transform showing `bounds` centred in a width × height view with `padding` pixels around, zoomed at most to maxK. */
export function fitTransform(bounds: Bounds, width: number, height: number, padding = 40, maxK = 2): ViewTransform {
	const w = Math.max(1, bounds.maxX - bounds.minX);
	const h = Math.max(1, bounds.maxY - bounds.minY);
	const k = Math.min(maxK, Math.max(1e-3, Math.min((width - 2 * padding) / w, (height - 2 * padding) / h)));
	return { k, x: width / 2 - ((bounds.minX + bounds.maxX) / 2) * k, y: height / 2 - ((bounds.minY + bounds.maxY) / 2) * k };
}
