import { clusterOutlines, insideOutline } from "../../../src/core/graph/outlines";

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
