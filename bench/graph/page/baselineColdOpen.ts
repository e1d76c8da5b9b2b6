/**
 * The baselines' cold open, as most graph plugins (d3 SVG) and Obsidian's core graph (one scene object per element)
 * open: d3-force on the main thread, the view redrawn on every tick. They keep no positions, so every open is cold.
 */
import { forceCenter, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from "d3";
import type { Graph } from "../../../src/core/graph/model";
import { watchTasks } from "./measure";
import { fitTransform, placeByHierarchy } from "./placement";
import type { BenchView } from "./view";

/** How the open went: settled within the cap, or how far it got (ticks of d3's default 300). */
export interface ColdOpen {
	settled: boolean;
	ms: number;
	ticks: number;
	longest: number;
	longTasks: number;
}

/** Opens a baseline view (made by `open`) cold and runs the simulation until it ends or `capMs` passes. */
export async function baselineColdOpen(open: () => Promise<BenchView>, graph: Graph, capMs: number): Promise<ColdOpen> {
	const start = performance.now();
	const tasks = watchTasks();
	const view = await open();
	// The final picture's extent, so the view is framed as a fitted plugin view would be.
	const fit = fitTransform(placeByHierarchy(graph));
	view.view(fit.x, fit.y, fit.k);
	const nodes: SimulationNodeDatum[] = graph.nodes.map(() => ({}));
	const links = graph.links.map((l) => ({ source: l.source, target: l.target }));
	const positions = new Float32Array(nodes.length * 2);
	let ticks = 0;
	return new Promise((resolve) => {
		const finish = (settled: boolean): void => {
			simulation.stop();
			const { longest, longTasks } = tasks.stop();
			view.destroy();
			resolve({ settled, ms: performance.now() - start, ticks, longest, longTasks });
		};
		const simulation = forceSimulation(nodes)
			.force("link", forceLink(links).distance(20))
			.force("charge", forceManyBody().strength(-30))
			.force("center", forceCenter(0, 0))
			.on("tick", () => {
				ticks++;
				nodes.forEach((n, i) => {
					positions[i * 2] = n.x ?? 0;
					positions[i * 2 + 1] = n.y ?? 0;
				});
				view.frame(positions);
				if (performance.now() - start > capMs) finish(false);
			})
			.on("end", () => finish(true));
	});
}
