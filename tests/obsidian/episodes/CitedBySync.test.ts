/** @jest-environment jsdom */
import { TFile } from "../../obsidian-stub/obsidian";
import { CITED_BY_END, CITED_BY_START } from "../../../src/core";
import { FILES, settle, startEpisodes } from "./harness";

describe("Cited by sync", () => {
	it("writes the section into episode notes, updates it when citations change, and never loops on its own writes", async () => {
		const h = await startEpisodes(FILES, { citedBySection: true });
		await h.feature.citedBy.flush();
		await settle();
		const e011 = h.app.vault.snapshot()["Episodes/E011.md"];
		expect(e011).toBe(
			[
				"---",
				"type: episode",
				"code: E011",
				"---",
				"",
				CITED_BY_START,
				"## Cited by",
				"",
				"Cited in 1 note (1 passage).",
				"",
				"### [[Review]]",
				"",
				"- It also needs E011. ([[Review#^p1|Token level]])",
				CITED_BY_END,
				"",
			].join("\n"),
		);
		const modified: string[] = [];
		h.app.vault.on("modify", (file) => modified.push(file.path));
		await h.feature.citedBy.syncAll();
		await settle();
		expect(modified).toEqual([]);

		await h.app.vault.modify(h.app.vault.getFileByPath("Notes/Hand.md") as TFile, "Now E011 too.");
		await settle();
		await h.feature.citedBy.flush();
		await settle();
		expect(modified.filter((p) => p.startsWith("Episodes/")).sort()).toEqual(["Episodes/E011.md", "Episodes/E026.md"]);
		expect(h.app.vault.snapshot()["Episodes/E011.md"]).toContain("Cited in 2 notes (2 passages).");
		// The episode notes' own modify events changed nothing in the index, so nothing else was written.
		await settle();
		await h.feature.citedBy.flush();
		expect(modified.filter((p) => p.startsWith("Episodes/"))).toHaveLength(2);
	});

	it("keeps the user's text around the section and removes the section when turned off", async () => {
		const h = await startEpisodes({ ...FILES, "Episodes/E011.md": `My notes.\n\n${CITED_BY_START}\nstale\n${CITED_BY_END}\n\nMore of mine.\n` }, { citedBySection: true });
		await h.feature.citedBy.flush();
		await settle();
		const text = h.app.vault.snapshot()["Episodes/E011.md"] ?? "";
		expect(text.startsWith(`My notes.\n\n${CITED_BY_START}\n## Cited by`)).toBe(true);
		expect(text.endsWith(`${CITED_BY_END}\n\nMore of mine.\n`)).toBe(true);
		h.plugin.settings.citedBySection = false;
		await h.plugin.saveSettings();
		await h.feature.citedBy.flush();
		await settle();
		expect(h.app.vault.snapshot()["Episodes/E011.md"]).toBe("My notes.\n\nMore of mine.\n");
	});

	it("writes nothing when the setting is off", async () => {
		const h = await startEpisodes(FILES);
		await h.feature.citedBy.syncAll();
		expect(h.app.vault.snapshot()).toEqual(FILES);
	});
});
