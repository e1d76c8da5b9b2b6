/** @jest-environment jsdom */
import { MarkdownView, TFile } from "../../obsidian-stub/obsidian";
import { createApp, asRealApp } from "../../helpers/memoryApp";
import { EpisodeIndexer, REBUILD_DELAY_MS } from "../../../src/obsidian/episodes/EpisodeIndexer";
import { mergeSettings } from "../../../src/obsidian/settings/settings";
import { FILES, settle, startEpisodes, until } from "./harness";

describe("EpisodeIndexer", () => {
	it("waits for the layout, loads every note once, then follows vault events", async () => {
		const app = createApp(FILES, { layoutReady: false });
		const settings = { ...mergeSettings(null), atlasFolder: "" };
		const indexer = new EpisodeIndexer(asRealApp(app), () => settings);
		indexer.load();
		await settle();
		expect(indexer.index.noteCount).toBe(0);
		app.workspace.setLayoutReady();
		await until(() => indexer.ready);
		expect(indexer.index.noteCount).toBe(4);
		expect(indexer.index.count("E026", "notes")).toBe(2);
		expect(indexer.index.count("E026", "occurrences")).toBe(3);
		expect(indexer.index.episodePath("E026")).toBe("Episodes/E026.md");

		const hand = app.vault.getFileByPath("Notes/Hand.md") as TFile;
		await app.vault.modify(hand, "No codes any more.");
		await settle();
		expect(indexer.index.count("E026", "notes")).toBe(1);
		expect(indexer.index.codes()).toEqual(["E011", "E026"]);

		await app.vault.create("Notes/New.md", "Cites E099.");
		await settle();
		expect(indexer.index.groups("E099").map((g) => g.path)).toEqual(["Notes/New.md"]);

		await app.vault.rename(app.vault.getFileByPath("Notes/New.md") as TFile, "Notes/Renamed.md");
		await settle();
		expect(indexer.index.groups("E099").map((g) => g.path)).toEqual(["Notes/Renamed.md"]);

		await app.vault.rename(app.vault.getFileByPath("Episodes/E011.md") as TFile, "Notes/E011.md");
		await settle();
		// Its frontmatter still says type: episode, code: E011.
		expect(indexer.index.episodePath("E011")).toBe("Notes/E011.md");

		await app.vault.delete(app.vault.getFileByPath("Reviews/Review.md") as TFile);
		await settle();
		expect(indexer.index.count("E026")).toBe(0);

		indexer.unload();
		await app.vault.create("Notes/After.md", "E123");
		await settle();
		expect(indexer.index.count("E123")).toBe(0);
	});

	it("rebuilds when the code pattern changes, and tells listeners", async () => {
		const { plugin, feature } = await startEpisodes({ ...FILES, "Notes/Ep.md": "EP-7 and E026" });
		const events: string[] = [];
		feature.indexer.subscribe((e) => events.push("reset" in e ? "reset" : "change"));
		plugin.settings.codePattern = "EP-\\d+";
		await plugin.saveSettings();
		await until(() => feature.indexer.ready && feature.indexer.index.syntax.pattern === "EP-\\d+");
		expect(feature.indexer.index.codes()).toEqual(["EP-7"]);
		expect(events[0]).toBe("reset");
		expect(events.at(-1)).toBe("reset");
	});

	it("keeps an event's newer text when the initial load read the note before it changed", async () => {
		const app = createApp(FILES);
		const settings = { ...mergeSettings(null), atlasFolder: "" };
		const indexer = new EpisodeIndexer(asRealApp(app), () => settings);
		// load() starts reading every note; the edit lands before the load applies what it read.
		indexer.load();
		await app.vault.modify(app.vault.getFileByPath("Notes/Hand.md") as TFile, "Now only E011.");
		await until(() => indexer.ready);
		expect(indexer.index.citationsIn("Notes/Hand.md").map((c) => c.code)).toEqual(["E011"]);
		await app.vault.delete(app.vault.getFileByPath("Reviews/Review.md") as TFile);
		expect(indexer.index.hasNote("Reviews/Review.md")).toBe(false);
		indexer.unload();
	});

	it("does nothing when unloaded before the layout was ready", async () => {
		const app = createApp(FILES, { layoutReady: false });
		const settings = { ...mergeSettings(null), atlasFolder: "" };
		const indexer = new EpisodeIndexer(asRealApp(app), () => settings);
		indexer.load();
		indexer.unload();
		app.workspace.setLayoutReady();
		await app.vault.create("Notes/Late.md", "E026");
		await settle();
		expect(indexer.index.noteCount).toBe(0);
		expect(indexer.ready).toBe(false);
	});

	it("re-indexes once after the pattern stops changing, and re-renders open reading views", async () => {
		const { app, plugin, feature } = await startEpisodes({ ...FILES, "Notes/Ep.md": "EP-7 and E026" });
		const leaf = app.workspace.getLeaf("tab");
		await leaf.openFile(app.vault.getFileByPath("Notes/Ep.md") as TFile);
		const view = leaf.view as MarkdownView;
		const rerenders: boolean[] = [];
		Object.assign(view, { getMode: () => "preview", previewMode: { rerender: (full?: boolean) => rerenders.push(full === true) } });
		const loads = jest.spyOn(feature.indexer, "loadAll");
		for (const pattern of ["E", "EP", "EP-", "EP-\\d", "EP-\\d+"]) {
			plugin.settings.codePattern = pattern;
			await plugin.saveSettings();
		}
		expect(feature.indexer.index.syntax.pattern).toBe("E\\d{3}");
		await until(() => loads.mock.calls.length > 0 && feature.indexer.ready);
		await new Promise((resolve) => setTimeout(resolve, REBUILD_DELAY_MS + 50));
		expect(loads).toHaveBeenCalledTimes(1);
		expect(feature.indexer.index.codes()).toEqual(["EP-7"]);
		expect(rerenders).toEqual([true]);
	});

	it("applies a new episode folder live: notes there become episode notes, the old ones stop being", async () => {
		const { plugin, feature } = await startEpisodes({ ...FILES, "Episodes/E050.md": "# Fifty", "Podcast/E099.md": "# Ninety-nine", "Notes/Cites.md": "E050 and E099" });
		expect([feature.indexer.index.episodePath("E050"), feature.indexer.index.episodePath("E099")]).toEqual(["Episodes/E050.md", undefined]);
		plugin.settings.episodeFolder = "Podcast";
		await plugin.saveSettings();
		await until(() => feature.indexer.episodeFolder === "Podcast" && feature.indexer.ready);
		expect([feature.indexer.index.episodePath("E050"), feature.indexer.index.episodePath("E099")]).toEqual([undefined, "Podcast/E099.md"]);
		// Episode notes that say so in their frontmatter stay episode notes wherever they are.
		expect(feature.indexer.index.episodePath("E026")).toBe("Episodes/E026.md");
	});
});
