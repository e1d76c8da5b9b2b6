/**
 * @jest-environment jsdom
 *
 * The ```atlas-graph``` code block in the obsidian stand-in: what it shows for each option, the same clicks and hovers
 * as the view (opened from the note holding the block), and a wheel that scrolls the note unless Ctrl/Cmd is held.
 */
import { GraphBlock } from "../../../src/obsidian/graph/GraphBlock";
import type { GraphPanel } from "../../../src/obsidian/graph/GraphPanel";
import { installCanvasStandIn, renderBlock, start, until } from "./graphPlugin";

beforeAll(() => installCanvasStandIn());

function blockOf(children: unknown[]): GraphBlock {
	const block = children[0];
	if (!(block instanceof GraphBlock)) throw new Error("no GraphBlock");
	return block;
}

async function blockPanel(children: unknown[]): Promise<GraphPanel> {
	const block = blockOf(children);
	await until(() => block.getPanel()?.isSettled() === true);
	const panel = block.getPanel();
	if (panel === null) throw new Error("no panel");
	return panel;
}

function at(panel: GraphPanel, id: string): { clientX: number; clientY: number } {
	const { x, y } = panel.canvas.screenOf(panel.getGraph().nodes.findIndex((node) => node.id === id));
	return { clientX: x, clientY: y };
}

describe("GraphBlock (the atlas-graph code block)", () => {
	it("shows a cluster; a click opens the note from the block's note (mod-click: new tab) and hovering asks for the page preview", async () => {
		const { app, stub } = await start();
		const previews: { linktext: string; sourcePath: string }[] = [];
		app.workspace.on("hover-link", (info: { linktext: string; sourcePath: string }) => previews.push({ linktext: info.linktext, sourcePath: info.sourcePath }));
		const { el, children } = renderBlock(stub, "cluster: [[C1]]\nheight: 300", "Notes/Mine.md");
		const panel = await blockPanel(children);
		expect(panel.getGraph().nodes.map((node) => node.id)).toEqual(["Clusters/C1.md", "Clusters/C1/Sub.md", "Questions/What.md", "Questions/Why.md", "Episodes/E001.md"]);
		expect(el.style.getPropertyValue("--research-atlas-graph-height")).toBe("300px");
		expect(panel.rootEl.hasClass("is-compact")).toBe(true);
		panel.canvas.zoomTo({ x: 200, y: 150, k: 1 });

		const canvas = panel.canvas.canvas;
		canvas.dispatchEvent(new MouseEvent("mousemove", { bubbles: true, ...at(panel, "Questions/Why.md") }));
		expect(previews).toEqual([{ linktext: "Questions/Why.md", sourcePath: "Notes/Mine.md" }]);
		canvas.dispatchEvent(new MouseEvent("click", { bubbles: true, ...at(panel, "Questions/Why.md") }));
		canvas.dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true, ...at(panel, "Questions/What.md") }));
		expect(app.workspace.openedLinks.map((l) => [l.linktext, l.sourcePath, l.newLeaf])).toEqual([
			["Questions/Why.md", "Notes/Mine.md", false],
			["Questions/What.md", "Notes/Mine.md", "tab"],
		]);
	});

	it("with no options shows the neighbourhood of its own note; `note:` and `depth:` pick another centre and reach", async () => {
		const { stub } = await start();
		const own = await blockPanel(renderBlock(stub, "", "Questions/What.md").children);
		expect(own.getGraph().nodes.map((node) => node.id)).toEqual(["Clusters/C1/Sub.md", "Questions/What.md", "Questions/Why.md"]);
		const other = await blockPanel(renderBlock(stub, "note: [[Why]]\ndepth: 2", "Notes/Mine.md").children);
		expect(other.getGraph().nodes.map((node) => node.id)).toEqual(["Clusters/C1.md", "Clusters/C1/Sub.md", "Questions/What.md", "Questions/Why.md", "Episodes/E001.md"]);
	});

	it("says what it cannot show: lines it does not understand, an unknown cluster, a note outside the atlas", async () => {
		const { stub } = await start();
		const unknown = renderBlock(stub, "cluster: Nope\ncolour: red", "Notes/Mine.md");
		const panel = await blockPanel(unknown.children);
		expect(unknown.el.querySelector(".research-atlas-graph-block-problems")?.textContent).toBe("Not understood: colour: red");
		expect(panel.rootEl.querySelector(".research-atlas-graph-status")?.textContent).toBe('No cluster or hub named "Nope".');
		const outside = renderBlock(stub, "", "Notes/Mine.md");
		const block = blockOf(outside.children);
		await until(() => block.getPanel() !== null);
		expect(outside.el.querySelector(".research-atlas-graph-status")?.textContent).toBe("This note is not part of the atlas graph: add `cluster: <title>` to show a cluster.");
	});

	it("lets the wheel scroll the note; Ctrl or Cmd with the wheel (or a pinch) zooms", async () => {
		const { stub } = await start();
		const panel = await blockPanel(renderBlock(stub, "cluster: C1", "Notes/Mine.md").children);
		panel.canvas.zoomTo({ x: 200, y: 150, k: 1 });
		const plain = new WheelEvent("wheel", { bubbles: true, cancelable: true, deltaY: -200, clientX: 200, clientY: 150 });
		panel.canvas.canvas.dispatchEvent(plain);
		expect(plain.defaultPrevented).toBe(false);
		expect(panel.canvas.getTransform().k).toBe(1);
		expect(panel.rootEl.querySelector(".research-atlas-graph-status")?.textContent).toBe("Hold Ctrl and scroll to zoom");
		const zooming = new WheelEvent("wheel", { bubbles: true, cancelable: true, deltaY: -20, ctrlKey: true, clientX: 200, clientY: 150 });
		panel.canvas.canvas.dispatchEvent(zooming);
		expect(zooming.defaultPrevented).toBe(true);
		expect(panel.canvas.getTransform().k).toBeGreaterThan(1);
	});

	it("stops its layout and removes its graph when the note's view unloads it", async () => {
		const { stub } = await start();
		const { el, children } = renderBlock(stub, "cluster: C1", "Notes/Mine.md");
		await blockPanel(children);
		expect(el.querySelector("canvas")).not.toBeNull();
		blockOf(children).unload();
		expect(el.querySelector(".research-atlas-graph")).toBeNull();
	});
});
