/**
 * @jest-environment jsdom
 *
 * The graph feature in the obsidian stand-in: registration, live graph data, persisted positions across renames. */
import { App, Plugin as StubPlugin, stubOf, type TFile } from "../../obsidian-stub/obsidian";
import { GRAPH_VIEW_TYPE } from "../../../src/obsidian/graph/AtlasGraphView";
import { asRealApp, createApp } from "../../helpers/memoryApp";
import { GraphPlugin, MANIFEST } from "./graphPlugin";

const FILES: Record<string, string> = {
	"Clusters/C1.md": "---\ntype: cluster\ntitle: C1\ntags: [cluster/c1]\n---\n",
	"Clusters/C1/Sub.md": "---\ntype: subtopic\ntitle: Sub\ncluster: '[[C1]]'\ntags: [cluster/c1/sub]\n---\n",
	"Questions/Why.md": "---\ntype: question\ntitle: Why?\ntags: [cluster/c1/sub]\n---\nSee [[E001]].\n",
	"Episodes/E001.md": "---\ntype: episode\ncode: E001\n---\n",
	"Notes/Mine.md": "My thoughts on [[Why]].\n",
};

async function start(files = FILES): Promise<{ app: App; plugin: GraphPlugin; stub: StubPlugin }> {
	const app = createApp(files);
	const plugin = new GraphPlugin(asRealApp(app), MANIFEST);
	plugin.stored = { version: 1, positions: { "Questions/Why.md": [10, 20] }, pinned: ["Questions/Why.md"] };
	const stub = stubOf(plugin, StubPlugin);
	await stub.loadForTest();
	await plugin.feature.data.ready;
	return { app, plugin, stub };
}

async function until(condition: () => boolean, ms = 3000): Promise<void> {
	const start = Date.now();
	while (!condition()) {
		if (Date.now() - start > ms) throw new Error("condition not met in time");
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

describe("registerGraph", () => {
	it("registers the view, a ribbon icon, the commands (ids without the plugin id, which Obsidian adds; no hotkeys) and the atlas-graph code block", async () => {
		const { stub } = await start();
		expect(stub.views.has(GRAPH_VIEW_TYPE)).toBe(true);
		expect(stub.ribbonIcons.map((r) => [r.icon, r.title])).toEqual([["orbit", "Open atlas graph"]]);
		expect(stub.commands.map((c) => [c.id, c.name, c.hotkeys])).toEqual([
			["research-atlas:open-graph", "Open atlas graph", undefined],
			["research-atlas:open-local-graph", "Open local atlas graph", undefined],
			["research-atlas:reset-graph-layout", "Reset atlas graph layout", undefined],
		]);
		expect(stub.processors.map((p) => [p.kind, p.language])).toEqual([["code-block", "atlas-graph"]]);
		expect(stub.hoverLinkSources.get(GRAPH_VIEW_TYPE)).toEqual({ display: "Atlas graph", defaultMod: true });
	});

	it("builds the graph from the metadata cache, and only adds other notes when the setting says so", async () => {
		const { plugin } = await start();
		expect(plugin.feature.data.current().nodes.map((n) => n.id)).toEqual(["Clusters/C1.md", "Clusters/C1/Sub.md", "Questions/Why.md", "Episodes/E001.md"]);
		plugin.settings.graphIncludeOtherNotes = true;
		plugin.feature.data.rebuild();
		expect(plugin.feature.data.current().nodes.map((n) => n.id)).toContain("Notes/Mine.md");
	});

	it("rebuilds when a saved settings change alters what the graph shows, and not for other settings", async () => {
		const { plugin } = await start();
		const data = plugin.feature.data;
		data.current();
		const revision = data.revision;
		await plugin.saveSettings();
		expect(data.revision).toBe(revision);
		plugin.settings.graphIncludeOtherNotes = true;
		await plugin.saveSettings();
		expect(data.revision).toBe(revision + 1);
		expect(data.current().nodes.map((n) => n.id)).toContain("Notes/Mine.md");
	});

	it("rebuilds after a quiet period when a note that matters changes, not when only its text does", async () => {
		const { app, plugin } = await start();
		const data = plugin.feature.data;
		const revision = data.revision;
		await app.vault.modify(app.vault.getFileByPath("Questions/Why.md") as TFile, "---\ntype: question\ntitle: Why?\ntags: [cluster/c1/sub]\n---\nSee [[E001]]. More words.\n");
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect(data.revision).toBe(revision);
		await app.vault.create("Questions/How.md", "---\ntype: question\ntitle: How?\ntags: [cluster/c1/sub]\n---\n");
		await until(() => data.revision > revision);
		expect(data.current().nodes.map((n) => n.title)).toEqual(["C1", "Sub", "How?", "Why?", "E001"]);
		await app.vault.delete(app.vault.getFileByPath("Episodes/E001.md") as TFile);
		await until(() => data.revision > revision + 1);
		expect(data.current().nodes.map((n) => n.title)).toEqual(["C1", "Sub", "How?", "Why?"]);
	});

	it("rebuilds when an edit changes what the graph shows of a note: its title, then its links", async () => {
		const { app, plugin } = await start();
		const data = plugin.feature.data;
		const revision = data.revision;
		const why = app.vault.getFileByPath("Questions/Why.md") as TFile;
		const citations = (): number => data.current().links.filter((l) => l.kind === "citation").length;
		expect(citations()).toBe(1);
		await app.vault.modify(why, "---\ntype: question\ntitle: Why not?\ntags: [cluster/c1/sub]\n---\nSee [[E001]].\n");
		await until(() => data.revision > revision);
		expect(data.current().nodes.map((n) => n.title)).toContain("Why not?");
		expect(citations()).toBe(1);
		await app.vault.modify(why, "---\ntype: question\ntitle: Why not?\ntags: [cluster/c1/sub]\n---\nNo citation left.\n");
		await until(() => data.revision > revision + 1);
		expect(citations()).toBe(0);
	});

	it("keeps a renamed note's stored position and pin, and writes the store after a quiet period", async () => {
		const { app, plugin } = await start();
		await app.vault.rename(app.vault.getFileByPath("Questions/Why.md") as TFile, "Questions/Why not.md");
		expect(plugin.feature.data.positions()).toEqual({ version: 1, positions: { "Questions/Why not.md": [10, 20] }, pinned: ["Questions/Why not.md"] });
		await until(() => plugin.saved.length > 0, 4000);
		expect(plugin.saved.at(-1)).toEqual({ version: 1, positions: { "Questions/Why not.md": [10, 20] }, pinned: ["Questions/Why not.md"] });
	});
});
