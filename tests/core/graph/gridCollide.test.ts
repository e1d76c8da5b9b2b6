/**
 * forceGridCollide: the push of d3's forceCollide, with pairs found on a grid. Pairs far from each other move exactly as
 * d3 moves them; in a crowd, no overlapping pair is missed (checked against d3, which also found each one), and the
 * crowd spreads out until no two nodes overlap.
 */
import { forceCollide, forceSimulation, randomLcg, type SimulationNodeDatum } from "d3";
import { forceGridCollide } from "../../../src/core/graph/gridCollide";

/** One tick of a force over copies of these nodes; the velocities it leaves. */
function velocitiesAfterOneTick(start: { x: number; y: number }[], force: "d3" | "grid", radius: (i: number) => number): number[] {
	const nodes: SimulationNodeDatum[] = start.map((p) => ({ ...p, vx: 0, vy: 0 }));
	const simulation = forceSimulation(nodes).stop().randomSource(randomLcg(1)).velocityDecay(0);
	simulation.force("collide", force === "d3" ? forceCollide<SimulationNodeDatum>((d) => radius(d.index ?? 0)).strength(0.8) : forceGridCollide(radius, 0.8));
	simulation.tick();
	return nodes.flatMap((n) => [n.vx ?? 0, n.vy ?? 0]);
}

describe("forceGridCollide", () => {
	it("pushes each overlapping pair apart exactly as d3's forceCollide does", () => {
		// A hundred small nodes of radius 5 and three big ones, as disjoint pairs far apart (one pair's push is the same
		// in any order): small pairs whose later node lies on every side of the earlier one, a big node with a small
		// one, two big ones 50 apart.
		const start: { x: number; y: number }[] = [];
		const radii: number[] = [];
		for (let p = 0; p < 50; p++) {
			const x = (p % 10) * 200 + (p % 3) * 7.3;
			const y = Math.floor(p / 10) * 150 + 3.1;
			const dx = [6, -7, 2, -3][p % 4] ?? 0;
			const dy = [2.5, -4, -8, 7][p % 4] ?? 0;
			start.push({ x, y }, { x: x + dx, y: y + dy });
			radii.push(5, 5);
		}
		start.push({ x: 5000, y: 0 }, { x: 5040, y: 30 }, { x: 4000, y: 1000 }, { x: 4020, y: 1012 });
		radii.push(30, 26, 30, 5);
		const radius = (i: number): number => radii[i] ?? 0;
		const d3Push = velocitiesAfterOneTick(start, "d3", radius);
		const gridPush = velocitiesAfterOneTick(start, "grid", radius);
		expect(d3Push.filter((v) => v !== 0).length).toBe(2 * start.length);
		gridPush.forEach((v, k) => expect(v).toBeCloseTo(d3Push[k] ?? NaN, 12));
	});

	it("finds every overlapping pair in a crowd of small and big nodes: no node d3 moves in the first tick stays still", () => {
		const random = randomLcg(7);
		const radii = Array.from({ length: 1500 }, (_, i) => (i % 25 === 0 ? 18 + random() * 12 : 3 + random() * 6));
		const start = radii.map(() => ({ x: (random() - 0.5) * 1400, y: (random() - 0.5) * 1400 }));
		// Every node that overlaps another at the start, by brute force.
		const overlapping = start.map((p, i) => start.some((q, j) => j !== i && Math.hypot(p.x - q.x, p.y - q.y) < (radii[i] ?? 0) + (radii[j] ?? 0)));
		expect(overlapping.filter(Boolean).length).toBeGreaterThan(300);
		// A node can end a tick unmoved though it overlapped (an earlier pair pushed its partner away first), under either
		// force: a missed pair shows as a node d3 moves and the grid leaves still.
		const still = (push: number[], i: number): boolean => push[2 * i] === 0 && push[2 * i + 1] === 0;
		const byD3 = velocitiesAfterOneTick(start, "d3", (i) => radii[i] ?? 0);
		const byGrid = velocitiesAfterOneTick(start, "grid", (i) => radii[i] ?? 0);
		const missed = overlapping.flatMap((overlaps, i) => (overlaps && !still(byD3, i) && still(byGrid, i) ? [i] : []));
		expect(missed).toEqual([]);
	});

	it("spreads a crowd until no two nodes overlap", () => {
		const random = randomLcg(3);
		const radii = Array.from({ length: 1500 }, (_, i) => (i % 50 === 0 ? 20 + random() * 6 : 4 + random() * 5));
		const nodes: SimulationNodeDatum[] = radii.map(() => ({ x: (random() - 0.5) * 1000, y: (random() - 0.5) * 1000 }));
		const simulation = forceSimulation(nodes).stop().randomSource(randomLcg(1));
		simulation.force("collide", forceGridCollide((i) => radii[i] ?? 0, 0.8));
		const overlaps = (): number => {
			let count = 0;
			for (let i = 0; i < nodes.length; i++)
				for (let j = i + 1; j < nodes.length; j++) {
					const a = nodes[i];
					const b = nodes[j];
					if (Math.hypot((a?.x ?? 0) - (b?.x ?? 0), (a?.y ?? 0) - (b?.y ?? 0)) < 0.8 * ((radii[i] ?? 0) + (radii[j] ?? 0))) count++;
				}
			return count;
		};
		expect(overlaps()).toBeGreaterThan(100);
		for (let k = 0; k < 120; k++) simulation.tick();
		expect(overlaps()).toBe(0);
	});
});
