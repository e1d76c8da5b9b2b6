/**
 * @jest-environment jsdom
 *
 * The atlas graph view in the obsidian stand-in, driven through what a user touches: the ribbon icon and commands, the
 * depth slider, clicks and hovers on the canvas, and vault changes while the graph is open.
 */
import type { App, TFile, WorkspaceLeaf } from "../../obsidian-stub/obsidian";
import { AtlasGraphView, GRAPH_VIEW_TYPE } from "../../../src/obsidian/graph/AtlasGraphView";
import type { GraphPanel } from "../../../src/obsidian/graph/GraphPanel";
import { FILES, installCanvasStandIn, start, until } from "./graphPlugin";

beforeAll(() => installCanvasStandIn());

function graphViews(app: App): AtlasGraphView[] {
	return app.workspace.getLeavesOfType(GRAPH_VIEW_TYPE).map((leaf) => leaf.view as unknown as AtlasGraphView);
}

function leafOf(app: App, view: AtlasGraphView): WorkspaceLeaf {
	const leaf = app.workspace.leaves.find((l) => (l.view as unknown) === view);
	if (leaf === undefined) throw new Error("the view has no leaf");
	return leaf;
}

async function settledPanel(view: AtlasGraphView | undefined): Promise<GraphPanel> {
	await until(() => view?.getPanel()?.isSettled() === true);
	const panel = view?.getPanel();
	if (panel === null || panel === undefined) throw new Error("no panel");
	return panel;
}

function ids(panel: GraphPanel): string[] {
	return panel.getGraph().nodes.map((node) => node.id);
}

function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (found === null) throw new Error(`no file ${path}`);
	return found;
}

/** Dispatches a mouse event of `type` at node `id`'s place on the canvas (jsdom lays the canvas out at 0, 0). */
function mouseAt(panel: GraphPanel, id: string, type: string, init: MouseEventInit = {}): void {
	const index = panel.getGraph().nodes.findIndex((node) => node.id === id);
	if (index < 0) throw new Error(`no node ${id}`);
	const { x, y } = panel.canvas.screenOf(index);
	panel.canvas.canvas.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, ...init }));
}

describe("AtlasGraphView", () => {
	it("a graph tab restored at start-up stays deferred, building nothing, until the command shows it in that same tab", async () => {
		const { app, stub } = await start();
		const leaf = app.workspace.getLeaf("tab");
		leaf.defer({ type: GRAPH_VIEW_TYPE, state: { local: false, file: null, depth: 1 } });
		expect(leaf.isDeferred).toBe(true);
		expect(leaf.view).not.toBeInstanceOf(AtlasGraphView);
		stub.runCommand("open-graph");
		await until(() => leaf.view instanceof AtlasGraphView && leaf.view.getPanel() !== null);
		expect(leaf.isDeferred).toBe(false);
		expect(app.workspace.getLeavesOfType(GRAPH_VIEW_TYPE)).toEqual([leaf]);
		expect(graphViews(app)[0]?.getState()).toEqual({ local: false, file: null, depth: 1 });
	});

	it("opens from the ribbon icon and the command as one tab showing the whole atlas; opening again reveals the same tab", async () => {
		const { app, plugin, stub } = await start();
		stub.ribbonIcons[0]?.el.click();
		await until(() => graphViews(app).length === 1 && graphViews(app)[0]?.getPanel() !== null);
		stub.runCommand("open-graph");
		await until(() => app.workspace.revealedLeaves.length === 2);
		const views = graphViews(app);
		expect(views).toHaveLength(1);
		const view = views[0];
		expect(view?.getState()).toEqual({ local: false, file: null, depth: 1 });
		expect(view?.getDisplayText()).toBe("Atlas graph");
		const panel = await settledPanel(view);
		expect(ids(panel)).toEqual(plugin.feature.data.current().nodes.map((node) => node.id));
		// The legend lists the kinds present, with their counts.
		expect(Array.from(panel.rootEl.querySelectorAll(".research-atlas-graph-legend-item"), (el) => el.textContent)).toEqual(["Clusters1", "Sub-topics1", "Questions2", "Episodes1"]);
	});

	it("the local graph command is offered for a Markdown note, opens its neighbourhood in the sidebar, follows the active file, and the depth slider widens it", async () => {
		const { app, stub } = await start();
		const command = stub.commands.find((c) => c.id === "research-atlas:open-local-graph");
		expect(command?.checkCallback?.(true)).toBe(false);
		const noteLeaf = app.workspace.getLeaf(false);
		await noteLeaf.openFile(file(app, "Questions/What.md"));
		expect(command?.checkCallback?.(true)).toBe(true);
		command?.checkCallback?.(false);
		await until(() => graphViews(app)[0]?.getPanel() !== null && graphViews(app)[0]?.getPanel() !== undefined);
		const view = graphViews(app)[0];
		expect(view?.getState()).toEqual({ local: true, file: "Questions/What.md", depth: 1 });
		expect(view?.getDisplayText()).toBe("Local atlas graph: What");
		expect(view?.getIcon()).toBe("git-fork");
		let panel = await settledPanel(view);
		// Depth 1: the note, its sub-topic and the question it links to.
		expect(ids(panel)).toEqual(["Clusters/C1/Sub.md", "Questions/What.md", "Questions/Why.md"]);

		// Opening another note moves the centre; the layout is asked to save the new state.
		const saves = app.workspace.layoutSaveRequests;
		await noteLeaf.openFile(file(app, "Questions/Why.md"));
		expect(view?.getState()).toEqual({ local: true, file: "Questions/Why.md", depth: 1 });
		panel = await settledPanel(view);
		expect(ids(panel)).toEqual(["Clusters/C1/Sub.md", "Questions/What.md", "Questions/Why.md", "Episodes/E001.md"]);
		expect(app.workspace.layoutSaveRequests).toBe(saves + 1);

		// The slider goes 1–3; at depth 2 the cluster comes in through the sub-topic.
		const slider = panel.rootEl.querySelector<HTMLInputElement>(".research-atlas-graph-depth input[type='range']");
		expect([slider?.min, slider?.max, slider?.value]).toEqual(["1", "3", "1"]);
		if (slider === null) throw new Error("no slider");
		slider.value = "2";
		slider.dispatchEvent(new Event("input"));
		expect(panel.rootEl.querySelector(".research-atlas-graph-depth-value")?.textContent).toBe("2");
		slider.dispatchEvent(new Event("change"));
		expect(view?.getState()).toEqual({ local: true, file: "Questions/Why.md", depth: 2 });
		panel = await settledPanel(view);
		expect(ids(panel)).toEqual(["Clusters/C1.md", "Clusters/C1/Sub.md", "Questions/What.md", "Questions/Why.md", "Episodes/E001.md"]);

		// The command again, for another note, reuses the sidebar leaf and keeps the depth.
		await noteLeaf.openFile(file(app, "Questions/What.md"));
		app.workspace.setActiveLeaf(noteLeaf);
		const leaves = app.workspace.leaves.length;
		command?.checkCallback?.(false);
		await until(() => graphViews(app)[0]?.getPanel()?.getGraph().nodes.length === 5 && graphViews(app)[0]?.getState().file === "Questions/What.md");
		expect(app.workspace.leaves).toHaveLength(leaves);
		expect(graphViews(app)[0]?.getState()).toEqual({ local: true, file: "Questions/What.md", depth: 2 });

		// A note outside the atlas says so instead of showing an empty graph.
		await noteLeaf.openFile(file(app, "Notes/Mine.md"));
		const status = graphViews(app)[0]?.getPanel()?.rootEl.querySelector(".research-atlas-graph-status");
		expect(status?.textContent).toBe("This note is not part of the atlas graph.");
	});

	it("a click opens the note in a tab other than the graph's; a mod-click opens it in a new tab", async () => {
		const { app, stub } = await start();
		app.workspace.getLeaf(false);
		stub.runCommand("open-graph");
		await until(() => graphViews(app)[0]?.getPanel() !== null && graphViews(app)[0]?.getPanel() !== undefined);
		const view = graphViews(app)[0];
		if (view === undefined) throw new Error("no view");
		const panel = await settledPanel(view);
		panel.canvas.zoomTo({ x: 300, y: 200, k: 1 });
		const graphLeaf = leafOf(app, view);

		mouseAt(panel, "Questions/Why.md", "click");
		await until(() => app.workspace.leaves.some((leaf) => leaf.openedFiles.some((o) => o.file.path === "Questions/Why.md")));
		const opened = app.workspace.leaves.filter((leaf) => leaf.openedFiles.some((o) => o.file.path === "Questions/Why.md"));
		expect(opened).toHaveLength(1);
		expect(opened[0]).not.toBe(graphLeaf);
		expect(graphLeaf.view).toBe(view);

		const before = app.workspace.leaves.length;
		mouseAt(panel, "Questions/What.md", "click", { ctrlKey: true });
		await until(() => app.workspace.leaves.some((leaf) => leaf.openedFiles.some((o) => o.file.path === "Questions/What.md")));
		expect(app.workspace.leaves).toHaveLength(before + 1);
		expect(app.workspace.leaves.at(-1)?.openedFiles.map((o) => o.file.path)).toEqual(["Questions/What.md"]);
	});

	it("hovering shows the title, kind, cluster, description and counts as text (never as HTML) and asks for the page preview", async () => {
		const files = { ...FILES, "Questions/Evil.md": "---\ntype: question\ntitle: '<img src=x onerror=\"window.pwned=1\">'\ndescription: '<b>bold</b> claim'\ntags: [cluster/c1/sub]\n---\n" };
		const { app, stub } = await start(files);
		const previews: { linktext: string; source: string }[] = [];
		app.workspace.on("hover-link", (info: { linktext: string; source: string }) => previews.push({ linktext: info.linktext, source: info.source }));
		stub.runCommand("open-graph");
		await until(() => graphViews(app)[0]?.getPanel() !== null && graphViews(app)[0]?.getPanel() !== undefined);
		const panel = await settledPanel(graphViews(app)[0]);
		panel.canvas.zoomTo({ x: 300, y: 200, k: 1 });
		const tooltip = panel.rootEl.querySelector<HTMLElement>(".research-atlas-graph-tooltip");
		if (tooltip === null) throw new Error("no tooltip");
		expect(tooltip.style.display).toBe("none");

		mouseAt(panel, "Questions/Evil.md", "mousemove");
		expect(tooltip.style.display).not.toBe("none");
		expect(Array.from(tooltip.children, (el) => el.textContent)).toEqual(['<img src=x onerror="window.pwned=1">', "Question · C1", "<b>bold</b> claim", "1 connection"]);
		expect(tooltip.querySelector("img, b")).toBeNull();
		expect(previews).toEqual([{ linktext: "Questions/Evil.md", source: GRAPH_VIEW_TYPE }]);
		// Hovering highlights the node and its neighbours.
		expect(panel.canvas.getHovered()).toBe(panel.getGraph().nodes.findIndex((node) => node.id === "Questions/Evil.md"));

		panel.canvas.canvas.dispatchEvent(new MouseEvent("mouseleave"));
		expect(tooltip.style.display).toBe("none");
		expect(panel.canvas.getHovered()).toBe(-1);
	});

	it("keeps up with the vault while open: a new note starts beside its parent and nothing else moves; renames keep places; deletes drop nodes", async () => {
		const { app, stub } = await start();
		stub.runCommand("open-graph");
		await until(() => graphViews(app)[0]?.getPanel() !== null && graphViews(app)[0]?.getPanel() !== undefined);
		const view = graphViews(app)[0];
		let panel = await settledPanel(view);
		const placeOf = (p: GraphPanel): Map<string, [number, number]> => {
			const positions = p.canvas.getPositions();
			return new Map(p.getGraph().nodes.map((node, i) => [node.id, [positions[2 * i] ?? NaN, positions[2 * i + 1] ?? NaN]]));
		};
		const before = placeOf(panel);

		await app.vault.create("Questions/How.md", "---\ntype: question\ntitle: How?\ntags: [cluster/c1/sub]\n---\n");
		await until(() => ids(view?.getPanel() as GraphPanel).includes("Questions/How.md") && view?.getPanel()?.isSettled() === true);
		panel = await settledPanel(view);
		const after = placeOf(panel);
		for (const [id, place] of before) expect(after.get(id)).toEqual(place);
		const sub = after.get("Clusters/C1/Sub.md") ?? [0, 0];
		const added = after.get("Questions/How.md") ?? [NaN, NaN];
		expect(Math.hypot(added[0] - sub[0], added[1] - sub[1])).toBeLessThan(60);

		await app.vault.rename(file(app, "Questions/What.md"), "Questions/What now.md");
		await until(() => ids(view?.getPanel() as GraphPanel).includes("Questions/What now.md"));
		// The renamed note keeps its place (as stored: to 0.1 world units).
		const renamed = placeOf(view?.getPanel() as GraphPanel).get("Questions/What now.md") ?? [NaN, NaN];
		const was = before.get("Questions/What.md") ?? [0, 0];
		expect(Math.abs(renamed[0] - was[0])).toBeLessThanOrEqual(0.06);
		expect(Math.abs(renamed[1] - was[1])).toBeLessThanOrEqual(0.06);

		await app.vault.delete(file(app, "Episodes/E001.md"));
		await until(() => !ids(view?.getPanel() as GraphPanel).includes("Episodes/E001.md"));
		expect(ids(view?.getPanel() as GraphPanel)).toEqual(["Clusters/C1.md", "Clusters/C1/Sub.md", "Questions/How.md", "Questions/What now.md", "Questions/Why.md"]);
	});

	it("removes every DOM listener it added when the view closes; rebuilding the legend does not pile them up", async () => {
		const { app, stub } = await start();
		// The spies call through; they only record who added and removed what.
		const add = jest.spyOn(EventTarget.prototype, "addEventListener");
		const remove = jest.spyOn(EventTarget.prototype, "removeEventListener");
		/** Listeners added to elements (window and document ones are not the panel's) and not removed yet, as "element type". */
		const live = (): string[] => {
			const removed = remove.mock.calls.map(([type, listener], i) => ({ target: remove.mock.contexts[i] as unknown, type, listener }));
			const left: string[] = [];
			add.mock.calls.forEach(([type, listener], i) => {
				const target = add.mock.contexts[i] as unknown;
				if (!(target instanceof Element)) return;
				const r = removed.findIndex((entry) => entry.target === target && entry.type === type && entry.listener === listener);
				if (r >= 0) removed.splice(r, 1);
				else left.push(`${target.className === "" ? target.tagName : target.className} ${type}`);
			});
			return left;
		};
		const count = (): number => live().length;
		try {
			stub.runCommand("open-graph");
			await until(() => graphViews(app)[0]?.getPanel() !== null && graphViews(app)[0]?.getPanel() !== undefined);
			const view = graphViews(app)[0];
			const panel = await settledPanel(view);
			const shown = count();
			expect(shown).toBeGreaterThan(0);
			// Hide and show a kind twice: four legend rebuilds, the same listeners as before.
			for (let i = 0; i < 4; i++) panel.rootEl.querySelector<HTMLElement>(".research-atlas-graph-legend-item[data-kind='episode']")?.click();
			expect(panel.rootEl.querySelector(".research-atlas-graph-legend-item[data-kind='episode']")?.getAttribute("aria-pressed")).toBe("true");
			expect(count()).toBe(shown);
			if (view === undefined) throw new Error("no view");
			leafOf(app, view).detach();
			await until(() => view.getPanel() === null);
			expect(live()).toEqual([]);
		} finally {
			add.mockRestore();
			remove.mockRestore();
		}
	});
});
