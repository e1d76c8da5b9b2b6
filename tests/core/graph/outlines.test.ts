import { clusterOutlines, insideOutline, OutlineTracker, outlinesMoved, type Outline } from "../../../src/core/graph/outlines";

describe("clusterOutlines", () => {
	// Cluster 0: a square of four nodes around the origin; cluster 1: one node far away; node 5 in no cluster.
	const positions = Float32Array.from([-10, -10, 10, -10, 10, 10, -10, 10, 200, 0, 500, 500]);
	const clusterOf = Int32Array.from([0, 0, 0, 0, 1, -1]);
	const radius = Float32Array.from([2, 2, 2, 2, 5, 2]);
	const [square, single] = clusterOutlines(positions, clusterOf, radius, 2, 3, 4);

	it("gives each cluster a convex polygon around its members, padded by radius and padding", () => {
		// Four directions (0°, 90°, 180°, 270°): the farthest member pushed out by 2 + 3.
		expect(Array.from(square ?? []).map((v) => Math.round(v))).toEqual([15, -10, 10, 15, -15, 10, -10, -15]);
		expect(Array.from(single ?? []).map((v) => Math.round(v))).toEqual([208, 0, 200, 8, 192, 0, 200, -8]);
	});

	it("tells points inside an outline from points outside", () => {
		expect(insideOutline(square ?? new Float32Array(0), 0, 0)).toBe(true);
		expect(insideOutline(square ?? new Float32Array(0), 14, 14)).toBe(false);
		expect(insideOutline(single ?? new Float32Array(0), 0, 0)).toBe(false);
	});
});

describe("OutlineTracker", () => {
	// Two clusters of 50 nodes on a jittered grid, moved a little each step as a running layout would.
	const n = 100;
	const clusterOf = Int32Array.from({ length: n }, (_, i) => (i < 50 ? 0 : 1));
	const radius = new Float32Array(n).fill(3);
	const at = (step: number): Float32Array => Float32Array.from({ length: 2 * n }, (_, j) => {
		const i = j >> 1;
		const base = (j & 1) === 0 ? (i % 10) * 12 + (i < 50 ? 0 : 400) : Math.floor((i % 50) / 10) * 12;
		return base + 4 * Math.sin(step * 0.7 + j * 1.3);
	});
	/** The farthest an outline reaches in direction d of 24. */
	const reach = (outline: Outline, d: number): number => {
		const a = (2 * Math.PI * d) / 24;
		let best = -Infinity;
		for (let p = 0; p < outline.length; p += 2) best = Math.max(best, (outline[p] ?? 0) * Math.cos(a) + (outline[p + 1] ?? 0) * Math.sin(a));
		return best;
	};

	it("full gives the outlines clusterOutlines gives", () => {
		const tracker = new OutlineTracker(clusterOf, radius, 2, 14);
		const positions = at(0);
		expect(tracker.full(positions)).toEqual(clusterOutlines(positions, clusterOf, radius, 2, 14));
	});

	it("given core members, the first update wraps only those, and the outlines grow to every member within `share` updates", () => {
		// The core: every tenth node (a cluster's structure); the rest are its notes.
		const core = Uint8Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 1 : 0));
		const tracker = new OutlineTracker(clusterOf, radius, 2, 14, 24, core);
		const positions = at(0);
		const coreOnly = Int32Array.from(clusterOf, (c, i) => (core[i] === 1 ? c : -1));
		expect(tracker.update(positions, 4)).toEqual(clusterOutlines(positions, coreOnly, radius, 2, 14));
		let outlines: Outline[] = [];
		for (let step = 0; step < 4; step++) outlines = tracker.update(positions, 4).map((o) => o.slice());
		expect(outlines).toEqual(clusterOutlines(positions, clusterOf, radius, 2, 14));
	});

	it("update scans everything the first time, then follows a moving layout within the movement", () => {
		const tracker = new OutlineTracker(clusterOf, radius, 2, 14);
		expect(tracker.update(at(0))).toEqual(clusterOutlines(at(0), clusterOf, radius, 2, 14));
		for (let step = 1; step < 20; step++) {
			const positions = at(step);
			const followed = tracker.update(positions, 4);
			const exact = clusterOutlines(positions, clusterOf, radius, 2, 14);
			for (let c = 0; c < 2; c++) {
				expect(followed[c]?.length).toBe(48);
				// Never outside the exact outline, and short of it by no more than nodes move between full scans.
				for (let d = 0; d < 24; d++) {
					const gap = reach(exact[c] ?? new Float32Array(0), d) - reach(followed[c] ?? new Float32Array(0), d);
					expect(gap).toBeGreaterThanOrEqual(-1e-3);
					expect(gap).toBeLessThan(16);
				}
			}
		}
	});

});

describe("outlinesMoved", () => {
	// Four directions: right, down, left, up (y grows downwards).
	const square = Float32Array.from([10, 0, 0, 10, -10, 0, 0, -10]);

	it("tells a shape that moved from one whose support point only slid along its edge", () => {
		// The rightmost point slides along the right edge (x stays 10): the outline reaches as far as before.
		const slid = Float32Array.from([10, 6, 0, 10, -10, 0, 0, -10]);
		expect(outlinesMoved([square], [slid], 0.5)).toBe(false);
		// The right edge moves out by 2.
		const grown = Float32Array.from([12, 0, 0, 10, -10, 0, 0, -10]);
		expect(outlinesMoved([square], [grown], 0.5)).toBe(true);
		expect(outlinesMoved([square], [grown], 3)).toBe(false);
		expect(outlinesMoved([square], [square.subarray(0, 6)], 3)).toBe(true);
	});
});
