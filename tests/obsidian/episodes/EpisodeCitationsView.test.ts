/** @jest-environment jsdom */
import { TFile, WorkspaceLeaf } from "../../obsidian-stub/obsidian";
import { EpisodeCitationsView, highlighted } from "../../../src/obsidian/episodes/EpisodeCitationsView";
import { FILES, settle, startEpisodes, until, type Harness } from "./harness";

async function openView(h: Harness): Promise<{ view: EpisodeCitationsView; leaf: WorkspaceLeaf }> {
	await h.feature.showCitations(null);
	const leaf = h.app.workspace.getLeavesOfType("research-atlas-episode-citations")[0] as WorkspaceLeaf;
	const view = leaf.view as unknown as EpisodeCitationsView;
	document.body.appendChild(view.containerEl);
	view.render(true);
	return { view, leaf };
}

const groups = (view: EpisodeCitationsView): string[] =>
	Array.from(view.containerEl.querySelectorAll(".research-atlas-citations-group")).map(
		(g) => `${g.querySelector(".research-atlas-citations-note")?.textContent ?? ""}(${g.querySelectorAll(".research-atlas-citation").length})`,
	);
const passages = (view: EpisodeCitationsView): string[] => Array.from(view.containerEl.querySelectorAll(".research-atlas-citation-text")).map((p) => p.textContent ?? "");

describe("Episode citations view", () => {
	afterEach(() => document.body.empty());

	it("follows the active episode note and lists citing passages by note with the code highlighted", async () => {
		const h = await startEpisodes(FILES);
		const { view } = await openView(h);
		expect(view.containerEl.querySelector(".research-atlas-citations-empty")?.textContent).toBe("Open an episode note, or put the cursor on an episode code.");
		await h.app.workspace.getLeaf("tab").openFile(h.app.vault.getFileByPath("Episodes/E026.md") as TFile);
		expect(view.code).toBe("E026");
		expect(view.containerEl.querySelector(".research-atlas-citations-title")?.textContent).toBe("E026Rethinking RL");
		expect(view.containerEl.querySelector(".research-atlas-citations-summary")?.textContent).toBe("2 notes · 3 passages");
		expect(groups(view)).toEqual(["Hand(1)", "Review(2)"]);
		expect(passages(view)).toEqual(["I typed E026 and E099 by hand, see https://x.org/E026.", "RL reweights tokens E026.", "Again E026 and `E026` in code."]);
		expect(Array.from(view.containerEl.querySelectorAll(".research-atlas-citation-text mark")).map((m) => m.textContent)).toEqual(["E026", "E026", "E026"]);
		expect(Array.from(view.containerEl.querySelectorAll(".research-atlas-citation-headings")).map((e) => e.textContent)).toEqual(["Token level", "Token level"]);
	});

	it("gives every passage its own component, a child of the view, unloaded with it", async () => {
		const h = await startEpisodes(FILES);
		const { view, leaf } = await openView(h);
		view.showCode("E026");
		const components = (view as unknown as { passages: Array<{ isLoaded: boolean }> }).passages;
		expect(components.map((c) => c.isLoaded)).toEqual([true, true, true]);
		leaf.detach();
		await settle();
		expect(components.map((c) => c.isLoaded)).toEqual([false, false, false]);
		expect(h.stub.isLoaded).toBe(true);
	});

	it("filters, sorts by date, collapses groups and jumps to the cited line", async () => {
		const h = await startEpisodes(FILES);
		const { view } = await openView(h);
		view.showCode("E026");
		const filter = view.containerEl.querySelector("input") as HTMLInputElement;
		filter.value = "again";
		filter.dispatchEvent(new Event("input"));
		expect(groups(view)).toEqual(["Review(1)"]);
		expect(view.containerEl.querySelector(".research-atlas-citations-summary")?.textContent).toBe("1 of 3 passages match");
		filter.value = "";
		filter.dispatchEvent(new Event("input"));

		await h.app.vault.modify(h.app.vault.getFileByPath("Reviews/Review.md") as TFile, `${FILES["Reviews/Review.md"] ?? ""}\nMore.`);
		await settle();
		const select = view.containerEl.querySelector("select") as HTMLSelectElement;
		select.value = "date";
		select.dispatchEvent(new Event("change"));
		expect(groups(view)).toEqual(["Review(2)", "Hand(1)"]);

		(view.containerEl.querySelector(".research-atlas-citations-collapse") as HTMLElement).click();
		expect(groups(view)).toEqual(["Review(0)", "Hand(1)"]);

		(view.containerEl.querySelector(".research-atlas-citation") as HTMLElement).click();
		await until(() => h.app.workspace.leaves.some((l) => l.openedFiles.some((o) => o.file.path === "Notes/Hand.md")));
		const opened = h.app.workspace.leaves.flatMap((l) => l.openedFiles).find((o) => o.file.path === "Notes/Hand.md");
		expect(opened?.openState).toEqual({ active: true, eState: { line: 0 } });
	});

	it("redraws when citing notes are renamed or deleted while it is open", async () => {
		const h = await startEpisodes(FILES);
		const { view } = await openView(h);
		view.showCode("E026");
		await h.app.vault.rename(h.app.vault.getFileByPath("Notes/Hand.md") as TFile, "Notes/Typed.md");
		await h.app.vault.delete(h.app.vault.getFileByPath("Reviews/Review.md") as TFile);
		await until(() => groups(view).join() === "Typed(1)");
		expect(view.containerEl.querySelector(".research-atlas-citations-summary")?.textContent).toBe("1 note · 1 passage");
	});

	it("does not redraw while hidden, and catches up when shown", async () => {
		const h = await startEpisodes(FILES);
		const { view } = await openView(h);
		view.showCode("E026");
		view.containerEl.style.display = "none";
		await h.app.vault.create("Notes/New.md", "E026 again");
		await settle();
		view.render(false);
		expect(groups(view)).toEqual(["Hand(1)", "Review(2)"]);
		view.containerEl.style.display = "";
		view.onResize();
		expect(groups(view)).toEqual(["Hand(1)", "New(1)", "Review(2)"]);
	});

	it("highlights the mention in its sentence and drops footnote references the passage cannot show", () => {
		const citation = { code: "E026", path: "a.md", line: 1, ch: 0, form: "plain" as const, sentence: "At the ==⟨…⟩==[^gap2] level, see E026[^3].", highlight: [33, 37] as [number, number], paragraph: "", headings: [] };
		expect(highlighted(citation)).toBe("At the ==⟨…⟩== level, see ==E026==.");
	});
});
