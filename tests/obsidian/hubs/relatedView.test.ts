/** @jest-environment jsdom */
import { RelatedNotesView } from "../../../src/obsidian/hubs/RelatedNotesView";
import { seedFiles, settle, startHubs } from "./harness";

const REVIEW = "Reviews/Reinforcement learning and reasoning.md";

describe("Explore related notes", () => {
	it("opens the sidebar for the active note and lists related notes with their reasons", async () => {
		const { app, stub } = await startHubs(await seedFiles());
		const review = app.vault.getFileByPath(REVIEW);
		if (review === null) throw new Error("no review");
		await app.workspace.getLeaf(false).openFile(review);
		stub.runCommand("explore-related");
		await settle();
		const view = app.workspace.getLeavesOfType("research-atlas-related")[0]?.view;
		if (!(view instanceof RelatedNotesView)) throw new Error("the related-notes view did not open");
		const root = view.contentEl;
		expect(root.querySelector(".research-atlas-related-title")?.textContent).toBe("Related to Reinforcement learning and reasoning");
		const items = [...root.querySelectorAll(".research-atlas-related-item")];
		expect(items.slice(0, 2).map((el) => el.querySelector(".research-atlas-related-link")?.textContent)).toEqual(["What RL actually does at the token level", "Reinforcement learning and post-training for reasoning"]);
		expect([...items[0]!.querySelectorAll(".research-atlas-related-reason")].map((el) => el.textContent)).toEqual(["11 shared episodes: E026, E011, E009 and 8 more", "Linked from this note"]);

		// Clicking a related note opens it; the panel follows to that note.
		(items[1]!.querySelector(".research-atlas-related-link") as HTMLElement).click();
		await settle();
		expect(app.workspace.openedLinks.at(-1)).toMatchObject({ linktext: "Reinforcement learning and post-training for reasoning", newLeaf: false });
	});

	it("says so when a note shares nothing", async () => {
		const { app, feature } = await startHubs({ "Alone.md": "Nothing here.", "Other.md": "Something else entirely." });
		await feature.showRelated("Alone.md");
		const view = app.workspace.getLeavesOfType("research-atlas-related")[0]?.view;
		if (!(view instanceof RelatedNotesView)) throw new Error("the related-notes view did not open");
		expect(view.contentEl.querySelector(".research-atlas-related-empty")?.textContent).toBe("No related notes: this note shares no episodes, links, tags or title words with another note.");
	});
});
