/** @jest-environment jsdom */
import { TFile, type WorkspaceLeaf } from "../../obsidian-stub/obsidian";
import { EpisodeCitationsView } from "../../../src/obsidian/episodes/EpisodeCitationsView";
import { createApp } from "../../helpers/memoryApp";
import { FILES, loadEpisodes, settle, until } from "./harness";

const VIEW = "research-atlas-episode-citations";

describe("episode feature lifecycle", () => {
	afterEach(() => document.body.empty());

	it("stops everything when disabled and starts cleanly, once, when enabled again", async () => {
		const app = createApp(FILES);
		const first = await loadEpisodes(app);
		await first.feature.showCitations("E026");
		const firstView = (app.workspace.getLeavesOfType(VIEW)[0] as WorkspaceLeaf).view as unknown as EpisodeCitationsView;
		const passages = (firstView as unknown as { passages: Array<{ isLoaded: boolean }> }).passages;
		expect(first.stub.commands).toHaveLength(5);

		first.stub.unloadForTest();
		expect([first.stub.commands.length, first.stub.processors.length, first.stub.editorExtensions.length]).toEqual([0, 0, 0]);
		expect(app.workspace.viewRegistry.has(VIEW)).toBe(false);
		await app.vault.create("Notes/While disabled.md", "E026 while the plugin was off.");
		await settle();
		expect(first.feature.indexer.index.count("E026")).toBe(2);
		// The view's passages belong to the view, which goes with the plugin's view type.
		firstView.leaf.detach();
		await settle();
		expect(passages.every((c) => !c.isLoaded)).toBe(true);

		const second = await loadEpisodes(app);
		expect([second.stub.commands.length, second.stub.processors.length, second.stub.editorExtensions.length]).toEqual([5, 1, 1]);
		// The note created while disabled is found by the new load.
		expect(second.feature.indexer.index.count("E026")).toBe(3);
		const changes: string[][] = [];
		second.feature.indexer.subscribe((event) => {
			if (!("reset" in event)) changes.push(event.paths);
		});
		await app.vault.modify(app.vault.getFileByPath("Notes/Hand.md") as TFile, "Only E011 now.");
		await settle();
		expect(changes).toEqual([["Notes/Hand.md"]]);
		expect(second.feature.indexer.index.count("E026")).toBe(2);
		expect(first.feature.indexer.index.count("E026")).toBe(2);
		second.stub.unloadForTest();
	});

	it("shows results in the view while the index is still loading, with its progress", async () => {
		const files: Record<string, string> = { ...FILES };
		for (let i = 0; i < 450; i++) files[`Bulk/${String(i).padStart(3, "0")}.md`] = i % 50 === 0 ? `Bulk note cites E026 (${i}).` : "Nothing here.";
		const app = createApp(files);
		// Hold back the reads of every note after the first slice until the test lets them go.
		let release: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => (release = resolve));
		const read = app.vault.cachedRead.bind(app.vault);
		const order = app.vault.getMarkdownFiles().map((f) => f.path);
		app.vault.cachedRead = async (file: TFile): Promise<string> => {
			if (order.indexOf(file.path) >= 200) await gate;
			return read(file);
		};
		const h = await loadEpisodes(app, {}, false);
		await h.feature.showCitations("E026");
		const view = (app.workspace.getLeavesOfType(VIEW)[0] as WorkspaceLeaf).view as unknown as EpisodeCitationsView;
		document.body.appendChild(view.containerEl);
		await until(() => h.feature.indexer.progress.done === 200);
		view.render(false);
		const status = view.containerEl.querySelector(".research-atlas-citations-status");
		expect(status?.textContent).toBe(`Indexing notes… 200 of ${order.length}`);
		expect(status?.classList.contains("is-hidden")).toBe(false);
		const early = view.containerEl.querySelectorAll(".research-atlas-citations-group").length;
		expect(early).toBeGreaterThan(0);

		release();
		await until(() => h.feature.indexer.ready);
		await until(() => view.containerEl.querySelectorAll(".research-atlas-citations-group").length > early, 2000);
		expect(view.containerEl.querySelector(".research-atlas-citations-summary")?.textContent).toBe("11 notes · 12 passages");
		expect(status?.isConnected === false || view.containerEl.querySelector(".research-atlas-citations-status")?.classList.contains("is-hidden")).toBe(true);
		h.stub.unloadForTest();
	});
});
