/** @jest-environment jsdom */
import { TFile } from "../../obsidian-stub/obsidian";
import { createApp, asRealApp } from "../../helpers/memoryApp";
import { EpisodeIndexer } from "../../../src/obsidian/episodes/EpisodeIndexer";
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
		await until(() => feature.indexer.ready && feature.indexer.index.noteCount === 5);
		expect(feature.indexer.index.codes()).toEqual(["EP-7"]);
		expect(events[0]).toBe("reset");
		expect(events.at(-1)).toBe("reset");
	});
});
