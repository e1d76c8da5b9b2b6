/**
 * The atlas graph view in headless Chromium: the harness page mounts the real view (src/obsidian/graph) on the demo
 * vault inside the obsidian stand-in; the test uses it as a user would (pointer, keyboard) and looks at the pixels.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { collectConsoleErrors, launchBrowser, serveDirectory, type LaunchedBrowser, type StaticServer } from "../helpers/browser";
import { buildGraphHarness } from "../../scripts/graphHarness.mjs";

interface NodeOnScreen {
	index: number;
	id: string;
	title: string;
	kind: string;
	x: number;
	y: number;
}

describe("atlas graph view in chromium", () => {
	let browser: LaunchedBrowser;
	let server: StaticServer;
	let site: string;

	beforeAll(async () => {
		site = mkdtempSync(join(tmpdir(), "research-atlas-graph-site-"));
		await buildGraphHarness(site);
		server = await serveDirectory(site);
		browser = await launchBrowser();
		mkdirSync("artifacts", { recursive: true });
	});

	afterAll(async () => {
		await browser?.close();
		await server?.close();
		rmSync(site, { recursive: true, force: true });
	});

	async function openPage(page?: Page): Promise<{ page: Page; errors: string[] }> {
		const target = page ?? (await browser.newPage());
		const log = collectConsoleErrors(target);
		await target.setViewportSize({ width: 1200, height: 800 });
		await target.goto(server.url);
		await target.waitForFunction(() => document.body.dataset.ready === "true" || document.body.dataset.error !== undefined, null, { timeout: 30000 });
		const error = await target.evaluate(() => document.body.dataset.error ?? null);
		if (error !== null) throw new Error(error);
		return { page: target, errors: log.errors };
	}

	/** Nodes with their canvas position in page coordinates. */
	function nodes(page: Page): Promise<NodeOnScreen[]> {
		return page.evaluate(() => {
			const panel = window.atlasHarness.view().getPanel();
			if (panel === null) throw new Error("no panel");
			const rect = panel.canvas.canvas.getBoundingClientRect();
			return panel.getGraph().nodes.map((node, index) => {
				const p = panel.canvas.screenOf(index);
				return { index, id: node.id, title: node.title, kind: node.kind, x: rect.left + p.x, y: rect.top + p.y };
			});
		});
	}

	function stats(page: Page): Promise<{ drawnNodes: number; drawnLinks: number; drawnLabels: number }> {
		return page.evaluate(() => {
			const panel = window.atlasHarness.view().getPanel();
			if (panel === null) throw new Error("no panel");
			return panel.canvas.draw();
		});
	}

	/** The canvas pixel under a page point, as [r, g, b]. */
	function pixel(page: Page, x: number, y: number): Promise<number[]> {
		return page.evaluate(
			([px = 0, py = 0]) => {
				const canvas = window.atlasHarness.view().getPanel()?.canvas.canvas;
				if (canvas === undefined) throw new Error("no canvas");
				const rect = canvas.getBoundingClientRect();
				const ratio = canvas.width / rect.width;
				const data = canvas.getContext("2d")?.getImageData(Math.round((px - rect.left) * ratio), Math.round((py - rect.top) * ratio), 1, 1).data;
				return data === undefined ? [] : [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0, data[3] ?? 0];
			},
			[x, y],
		);
	}

	function find(list: NodeOnScreen[], title: string): NodeOnScreen {
		const node = list.find((n) => n.title === title);
		if (node === undefined) throw new Error(`no node titled ${title}`);
		return node;
	}

	it("draws every node of the demo vault in the theme's colours, with no console errors", async () => {
		const { page, errors } = await openPage();
		const all = await nodes(page);
		expect(all).toHaveLength(132);
		// The layout ran in the worker inlined by the build, not on the main thread.
		expect(await page.evaluate(() => window.atlasHarness.view().getPanel()?.layoutInWorker())).toBe(true);
		const drawn = await stats(page);
		expect(drawn.drawnNodes).toBe(132);
		expect(drawn.drawnLinks).toBe(259);
		expect(drawn.drawnLabels).toBeGreaterThan(10);
		// Labels are chosen to fit (the label grid), never one per node.
		expect(drawn.drawnLabels).toBeLessThan(drawn.drawnNodes / 2);
		// The cluster node is painted in --color-purple (#7852ee in the light theme), a question in --color-green.
		const cluster = find(all, "Reinforcement Learning for LLMs");
		expect(await pixel(page, cluster.x, cluster.y)).toEqual([0x78, 0x52, 0xee, 255]);
		const question = all.find((n) => n.kind === "question" && n.title === "Do reward models actually consider what the prompt asks?");
		if (question === undefined) throw new Error("question missing");
		expect(await pixel(page, question.x, question.y)).toEqual([0x08, 0xb9, 0x4e, 255]);
		// Empty canvas far from the graph stays transparent (the page background shows through).
		expect((await pixel(page, 5, 790))[3]).toBe(0);
		// Each cluster's hull is tinted, in a tint of its own: the commonest colour inside each hull, away from nodes.
		const tints = await page.evaluate(() => {
			const panel = window.atlasHarness.view().getPanel();
			if (panel === null) throw new Error("no panel");
			const canvas = panel.canvas.canvas;
			const ratio = canvas.width / canvas.getBoundingClientRect().width;
			const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
			if (data === undefined) throw new Error("no pixels");
			const graph = panel.getGraph();
			const centres = graph.nodes.map((_, i) => panel.canvas.screenOf(i));
			return graph.clusters.map((_, c) => {
				const counts = new Map<string, number>();
				for (let y = 0; y < canvas.height / ratio; y += 3)
					for (let x = 0; x < canvas.width / ratio; x += 3) {
						if (panel.canvas.clusterAt(x, y) !== c || centres.some((p) => Math.hypot(p.x - x, p.y - y) < 16)) continue;
						const at = 4 * (Math.round(y * ratio) * canvas.width + Math.round(x * ratio));
						const key = [data[at], data[at + 1], data[at + 2], data[at + 3]].join(",");
						counts.set(key, (counts.get(key) ?? 0) + 1);
					}
				return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "none";
			});
		});
		expect(tints).toHaveLength(2);
		for (const tint of tints) expect(Number(tint.split(",")[3])).toBeGreaterThan(0);
		expect(tints[0]).not.toBe(tints[1]);
		await page.screenshot({ path: join("artifacts", "graph-light.png") });
		await page.evaluate(() => window.atlasHarness.setTheme(true));
		await page.waitForTimeout(100);
		// The theme change re-reads the colours: the cluster is now the dark theme's --color-purple (#a882ff).
		expect(await pixel(page, cluster.x, cluster.y)).toEqual([0xa8, 0x82, 0xff, 255]);
		await page.screenshot({ path: join("artifacts", "graph-dark.png") });
		expect(errors).toEqual([]);
		await page.close();
	});

	it("hovering a node shows its tooltip as text and asks for the page preview; clicking opens the note", async () => {
		const { page, errors } = await openPage();
		const question = find(await nodes(page), "Do reward models actually consider what the prompt asks?");
		await page.mouse.move(question.x, question.y);
		const tooltip = page.locator(".research-atlas-graph-tooltip");
		await tooltip.waitFor({ state: "visible" });
		expect(await tooltip.locator(".research-atlas-graph-tooltip-title").textContent()).toBe("Do reward models actually consider what the prompt asks?");
		expect(await tooltip.locator(".research-atlas-graph-tooltip-kind").textContent()).toBe("Question · Reinforcement Learning for LLMs");
		expect(await tooltip.locator(".research-atlas-graph-tooltip-description").textContent()).toMatch(/^Exploring whether standard reward models evaluate responses/);
		expect(await page.evaluate(() => window.atlasHarness.hovered)).toEqual([question.id]);
		// The hovered node and its neighbours stay as they are; every other node is dimmed.
		const { neighbour, other } = await page.evaluate((hovered) => {
			const panel = window.atlasHarness.view().getPanel();
			if (panel === null) throw new Error("no panel");
			const graph = panel.getGraph();
			const near = new Set(graph.links.flatMap((l) => (l.source === hovered ? [l.target] : l.target === hovered ? [l.source] : [])));
			const rect = panel.canvas.canvas.getBoundingClientRect();
			const onPage = (i: number): { x: number; y: number } => ({ x: rect.left + panel.canvas.screenOf(i).x, y: rect.top + panel.canvas.screenOf(i).y });
			const sub = [...near].find((i) => graph.nodes[i]?.kind === "subtopic");
			const episode = graph.nodes.findIndex((n, i) => n.kind === "episode" && !near.has(i));
			if (sub === undefined || episode < 0) throw new Error("no neighbour or stranger");
			return { neighbour: onPage(sub), other: onPage(episode) };
		}, question.index);
		expect(await pixel(page, neighbour.x, neighbour.y)).toEqual([0x08, 0x6d, 0xdd, 255]);
		const dimmed = await pixel(page, other.x, other.y);
		expect(dimmed[3]).toBeGreaterThanOrEqual(30);
		expect(dimmed[3]).toBeLessThanOrEqual(60);
		await page.screenshot({ path: join("artifacts", "graph-hover.png") });
		await page.mouse.click(question.x, question.y);
		await page.waitForFunction(() => window.atlasHarness.opened.length > 0);
		expect(await page.evaluate(() => window.atlasHarness.opened)).toEqual(["Questions/Do reward models actually consider what the prompt asks.md"]);
		// The graph stays open: the note opened in another tab.
		expect(await page.evaluate(() => window.atlasHarness.view().getPanel() !== null)).toBe(true);
		await page.mouse.move(5, 700);
		await tooltip.waitFor({ state: "hidden" });
		expect(errors).toEqual([]);
		await page.close();
	});

	it("search highlights the matching notes and dims the rest; the filter button hides the rest", async () => {
		const { page, errors } = await openPage();
		const all = await nodes(page);
		const expected = all.filter((n) => /reward/i.test(n.title) && /model/i.test(n.title)).length;
		// Nine titles in the demo vault hold both words (folder names do not count).
		await page.fill(".research-atlas-graph-search", "reward model");
		await page.waitForFunction((n) => document.querySelector(".research-atlas-graph-status")?.textContent?.startsWith(`${n} matching notes`) === true, expected);
		expect(expected).toBe(9);
		const match = find(all, "Reward Models");
		const other = find(all, "E077");
		await page.waitForTimeout(50);
		// The match keeps its colour (--color-blue), opaque; the rest is drawn at 15 % opacity on the transparent canvas (a faint link under it adds a little).
		expect(await pixel(page, match.x, match.y)).toEqual([0x08, 0x6d, 0xdd, 255]);
		const dimmed = await pixel(page, other.x, other.y);
		// Still the episode's red (premultiplied storage blurs the exact channels at this opacity).
		expect((dimmed[0] ?? 0) - (dimmed[1] ?? 0)).toBeGreaterThan(150);
		expect(dimmed[3]).toBeGreaterThanOrEqual(36);
		expect(dimmed[3]).toBeLessThanOrEqual(48);
		await page.screenshot({ path: join("artifacts", "graph-search.png") });
		// The hull of the filtered cluster wraps the matches only: the member farthest from every match falls outside it.
		const far = await page.evaluate(() => {
			const panel = window.atlasHarness.view().getPanel();
			if (panel === null) throw new Error("no panel");
			const graph = panel.getGraph();
			const match = graph.nodes.map((n) => /reward/i.test(n.title) && /model/i.test(n.title));
			let best = -1;
			let bestDistance = -1;
			graph.nodes.forEach((node, i) => {
				if (match[i] || node.cluster !== 0) return;
				const p = panel.canvas.screenOf(i);
				const d = Math.min(...graph.nodes.map((_, j) => (match[j] ? Math.hypot(panel.canvas.screenOf(j).x - p.x, panel.canvas.screenOf(j).y - p.y) : Infinity)));
				if (d > bestDistance) [best, bestDistance] = [i, d];
			});
			return panel.canvas.screenOf(best);
		});
		expect(await page.evaluate(({ x, y }) => window.atlasHarness.view().getPanel()?.canvas.clusterAt(x, y), far)).toBe(0);
		await page.click(".research-atlas-graph-toolbar button[aria-label='Show only matching notes']");
		expect((await stats(page)).drawnNodes).toBe(expected);
		expect(await page.evaluate(({ x, y }) => window.atlasHarness.view().getPanel()?.canvas.clusterAt(x, y), far)).toBe(-1);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("zoomed out shows the overview (clusters and sub-topics); double-clicking the cluster's hull zooms in and reveals its notes", async () => {
		const { page, errors } = await openPage();
		const structural = (await nodes(page)).filter((n) => ["cluster", "subtopic", "hub", "section"].includes(n.kind)).length;
		expect(structural).toBe(18);
		await page.evaluate(() => window.atlasHarness.view().getPanel()?.canvas.zoomTo({ x: 600, y: 400, k: 0.3 }));
		expect((await stats(page)).drawnNodes).toBe(structural);
		await page.screenshot({ path: join("artifacts", "graph-overview.png") });
		const all = await nodes(page);
		const cluster = find(all, "Reinforcement Learning for LLMs");
		const sub = find(all, "Reward Models");
		// Inside the hull, between the cluster node and a sub-topic, away from both.
		await page.mouse.dblclick((cluster.x + sub.x) / 2 + 2, (cluster.y + sub.y) / 2 + 2);
		await page.waitForFunction(() => (window.atlasHarness.view().getPanel()?.canvas.getTransform().k ?? 0) > 0.8, null, { timeout: 5000 });
		await page.waitForTimeout(1000);
		const question = find(await nodes(page), "Do reward models actually consider what the prompt asks?");
		expect(await page.evaluate((i) => window.atlasHarness.view().getPanel()?.canvas.isVisible(i), question.index)).toBe(true);
		expect((await stats(page)).drawnNodes).toBeGreaterThan(80);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("stops drawing once nothing moves, and the fit button brings the whole graph back into view", async () => {
		const { page, errors } = await openPage();
		const drawCount = (): Promise<number> => page.evaluate(() => window.atlasHarness.view().getPanel()?.canvas.drawCount ?? -1);
		const before = await drawCount();
		await page.waitForTimeout(600);
		expect(await drawCount()).toBe(before);
		await page.evaluate(() => window.atlasHarness.view().getPanel()?.canvas.zoomTo({ x: -2000, y: -1500, k: 4 }));
		await page.click(".research-atlas-graph-toolbar button[aria-label='Fit graph to view']");
		await page.waitForTimeout(1200);
		const box = await page.evaluate(() => {
			const rect = window.atlasHarness.view().getPanel()?.canvas.canvas.getBoundingClientRect();
			return { left: rect?.left ?? 0, top: rect?.top ?? 0, right: rect?.right ?? 0, bottom: rect?.bottom ?? 0 };
		});
		const outside = (await nodes(page)).filter((n) => n.x < box.left || n.x > box.right || n.y < box.top || n.y > box.bottom);
		expect(outside).toEqual([]);
		// The animation is over: no more frames.
		const settled = await drawCount();
		await page.waitForTimeout(300);
		expect(await drawCount()).toBe(settled);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("a pane narrowed before the user moved the view is fitted again: the drawing is centred and nothing is cut", async () => {
		const { page, errors } = await openPage();
		// The view was fitted at 1200 px wide; the pane then settles at 660 px (as a sidebar or a split would).
		await page.evaluate(() => document.getElementById("atlas-host")?.style.setProperty("right", "540px"));
		await page.waitForFunction(() => window.atlasHarness.view().getPanel()?.canvas.canvas.getBoundingClientRect().width === 660);
		await page.waitForTimeout(300);
		const box = await page.evaluate(() => {
			const rect = window.atlasHarness.view().getPanel()?.canvas.canvas.getBoundingClientRect();
			return { left: rect?.left ?? 0, top: rect?.top ?? 0, right: rect?.right ?? 0, bottom: rect?.bottom ?? 0 };
		});
		const all = await nodes(page);
		expect(all.filter((n) => n.x < box.left || n.x > box.right || n.y < box.top || n.y > box.bottom)).toEqual([]);
		const xs = all.map((n) => n.x);
		const middle = (Math.min(...xs) + Math.max(...xs)) / 2;
		expect(Math.abs(middle - (box.left + box.right) / 2)).toBeLessThan(20);
		await page.screenshot({ path: join("artifacts", "graph-narrow.png") });
		expect(errors).toEqual([]);
		await page.close();
	});

	it("follows the vault: a new question starts beside its sub-topic and settles while every other node stays put; a deleted one goes", async () => {
		const { page, errors } = await openPage();
		const before = await page.evaluate(() => {
			const panel = window.atlasHarness.view().getPanel();
			const positions = panel?.canvas.getPositions() ?? new Float32Array(0);
			return Object.fromEntries((panel?.getGraph().nodes ?? []).map((node, i) => [node.id, [positions[2 * i] ?? NaN, positions[2 * i + 1] ?? NaN]]));
		});
		const path = "Questions/Do reward models read the system prompt.md";
		await page.evaluate(
			(file) =>
				window.atlasHarness
					.view()
					.app.vault.create(file, "---\ntype: question\ntitle: Do reward models read the system prompt?\ntags: [cluster/reinforcement-learning-for-llms/reward-models]\nsubtopics: ['[[Reward Models]]']\n---\n")
					.then(() => undefined),
			path,
		);
		await page.waitForFunction((file) => {
			const panel = window.atlasHarness.view().getPanel();
			return panel?.getGraph().nodes.some((node) => node.id === file) === true && panel.isSettled();
		}, path);
		const after = await page.evaluate(() => {
			const panel = window.atlasHarness.view().getPanel();
			const positions = panel?.canvas.getPositions() ?? new Float32Array(0);
			return Object.fromEntries((panel?.getGraph().nodes ?? []).map((node, i) => [node.id, [positions[2 * i] ?? NaN, positions[2 * i + 1] ?? NaN]]));
		});
		expect(Object.keys(after)).toHaveLength(Object.keys(before).length + 1);
		const moved = Object.entries(before).filter(([id, [x, y]]) => Math.hypot((after[id]?.[0] ?? NaN) - (x ?? 0), (after[id]?.[1] ?? NaN) - (y ?? 0)) > 0.01);
		expect(moved).toEqual([]);
		const parent = Object.entries(after).find(([id]) => id.endsWith("/Reward Models.md"))?.[1] ?? [0, 0];
		const added = after[path] ?? [NaN, NaN];
		expect(Math.hypot((added[0] ?? 0) - (parent[0] ?? 0), (added[1] ?? 0) - (parent[1] ?? 0))).toBeLessThan(80);
		await page.evaluate((file) => {
			const app = window.atlasHarness.view().app;
			const note = app.vault.getFileByPath(file);
			return note === null ? undefined : app.vault.delete(note);
		}, path);
		await page.waitForFunction((file) => window.atlasHarness.view().getPanel()?.getGraph().nodes.every((node) => node.id !== file) === true, path);
		expect((await nodes(page)).length).toBe(132);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("dragging the empty background pans the view by as much as the pointer moved, at the same zoom", async () => {
		const { page, errors } = await openPage();
		// A point of the canvas with no node under it (nor one within 30 px), away from the toolbar and the legend.
		const local = await page.evaluate(() => {
			const panel = window.atlasHarness.view().getPanel();
			if (panel === null) throw new Error("no panel");
			const rect = panel.canvas.canvas.getBoundingClientRect();
			const centres = panel.getGraph().nodes.map((_, i) => panel.canvas.screenOf(i));
			for (let y = 120; y < rect.height - 120; y += 20)
				for (let x = 40; x < rect.width - 40; x += 20)
					if (panel.canvas.hitTest(x, y) === -1 && centres.every((p) => Math.hypot(p.x - x, p.y - y) > 30)) return { x: rect.left + x, y: rect.top + y, before: panel.canvas.getTransform() };
			throw new Error("no empty point");
		});
		const from = { x: local.x, y: local.y };
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		for (let step = 1; step <= 10; step++) await page.mouse.move(from.x + 8 * step, from.y - 3 * step);
		await page.mouse.up();
		const after = await page.evaluate(() => window.atlasHarness.view().getPanel()?.canvas.getTransform());
		expect(after?.k).toBeCloseTo(local.before.k, 10);
		expect((after?.x ?? 0) - local.before.x).toBeCloseTo(80, 0);
		expect((after?.y ?? 0) - local.before.y).toBeCloseTo(-30, 0);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("legend entries toggle node types", async () => {
		const { page, errors } = await openPage();
		await page.click(".research-atlas-graph-legend-item[data-kind='episode']");
		expect((await stats(page)).drawnNodes).toBe(132 - 25);
		expect(await page.getAttribute(".research-atlas-graph-legend-item[data-kind='episode']", "aria-pressed")).toBe("false");
		await page.click(".research-atlas-graph-legend-item[data-kind='episode']");
		expect((await stats(page)).drawnNodes).toBe(132);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("dragging pins a node where it is dropped, and reopening shows the same picture at once", async () => {
		const { page, errors } = await openPage();
		const before = await nodes(page);
		const review = find(before, "Reinforcement learning and reasoning");
		await page.mouse.move(review.x, review.y);
		await page.mouse.down();
		await page.mouse.move(review.x + 40, review.y + 60, { steps: 5 });
		await page.mouse.up();
		await page.waitForFunction(() => window.atlasHarness.view().getPanel()?.isSettled() === true, null, { timeout: 10000 });
		const moved = find(await nodes(page), "Reinforcement learning and reasoning");
		expect(Math.abs(moved.x - (review.x + 40))).toBeLessThan(1.5);
		expect(Math.abs(moved.y - (review.y + 60))).toBeLessThan(1.5);
		expect(await page.evaluate((i) => window.atlasHarness.view().getPanel()?.getPinned(), review.index)).toEqual([review.index]);
		// Positions are written after a quiet period; then a reload starts from them, already settled.
		const world = await page.evaluate(() => Array.from(window.atlasHarness.view().getPanel()?.canvas.getPositions() ?? []));
		const dropped = [world[2 * review.index] ?? 0, world[2 * review.index + 1] ?? 0];
		// Wait for the write of the settled picture (every node where it is now), not an earlier one made at the drop
		// while the rest still moved: on a loaded machine that earlier write can be the one a quick reload finds.
		const places = before.map((n) => [n.id, world[2 * n.index] ?? 0, world[2 * n.index + 1] ?? 0] as const);
		expect(places.find(([id]) => id === review.id)?.slice(1)).toEqual(dropped);
		await page.waitForFunction(
			(expected) => {
				const stored = JSON.parse(window.localStorage.getItem("research-atlas-graph-positions") ?? "{}") as { positions?: Record<string, number[]> };
				return expected.every(([id, x, y]) => {
					const p = stored.positions?.[id];
					return p !== undefined && Math.abs((p[0] ?? 0) - x) < 0.1 && Math.abs((p[1] ?? 0) - y) < 0.1;
				});
			},
			places,
			{ timeout: 10000 },
		);
		await openPage(page);
		const again = await page.evaluate(() => Array.from(window.atlasHarness.view().getPanel()?.canvas.getPositions() ?? []));
		expect(again).toHaveLength(world.length);
		const drift = Math.max(...again.map((v, i) => Math.abs(v - (world[i] ?? 0))));
		expect(drift).toBeLessThan(0.11);
		expect(await page.evaluate(() => window.atlasHarness.view().getPanel()?.getPinned())).toEqual([review.index]);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("saves the screenshot for the README", async () => {
		const { page } = await openPage();
		// A sub-topic with its notes highlighted and its tooltip open.
		const subtopic = find(await nodes(page), "Reward Models");
		await page.mouse.move(subtopic.x, subtopic.y);
		await page.locator(".research-atlas-graph-tooltip").waitFor({ state: "visible" });
		// docs/graph.png (the README's picture) is a reviewed copy of this file, not rewritten by every run.
		await page.screenshot({ path: join("artifacts", "graph-readme.png") });
		await page.close();
	});
});
