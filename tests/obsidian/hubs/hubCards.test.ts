/** @jest-environment jsdom */
import type * as Real from "obsidian";
import { Component, MarkdownRenderer } from "../../obsidian-stub/obsidian";
import { HUB_END, HUB_START } from "../../../src/core";
import { HUB_CLASSES } from "../../../src/obsidian/hubs/hubCardProcessor";
import { RelatedNotesView } from "../../../src/obsidian/hubs/RelatedNotesView";
import { seedFiles, settle, startHubs, type Harness } from "./harness";

const SEED_HUB = "Hubs/What does reward learning actually do to model reasoning.md";

/** Renders `markdown` as the reading view of `path` would: the stand-in's renderer, then the plugin's processor. */
async function render(h: Harness, path: string, markdown: string, frontmatter: Record<string, unknown> | null, sectionInfo: { text: string; lineStart: number; lineEnd: number } | null = null): Promise<HTMLElement> {
	const processor = h.stub.processors.find((p) => p.kind === "post")?.handler as Real.MarkdownPostProcessor;
	const el = document.createElement("div");
	const component = new Component();
	await MarkdownRenderer.render(h.app, markdown, el, path, component);
	await processor(el, { docId: "d", sourcePath: path, frontmatter, addChild: () => undefined, getSectionInfo: () => sectionInfo });
	return el;
}

function region(text: string): string {
	return text.slice(text.indexOf(HUB_START) + HUB_START.length, text.indexOf(HUB_END));
}

describe("hub cards in reading view", () => {
	it("mutes the header and counts, sets descriptions apart and gives every card an Explore related button", async () => {
		const h = await startHubs(await seedFiles());
		const text = h.app.vault.getFileByPath(SEED_HUB);
		if (text === null) throw new Error("no hub");
		const el = await render(h, SEED_HUB, region(await h.app.vault.read(text)), { hub_tag: "hub/what-does-reward-learning-actually-do-to-model-reasoning" });

		expect(el.querySelector(`.${HUB_CLASSES.header}`)?.textContent).toBe("Topic Hub · 14 of 25 linked notes listed · 8 of 9 sections listed");
		expect([...el.querySelectorAll(`.${HUB_CLASSES.count}`)].map((p) => p.textContent)).toEqual(["4 notes", "3 notes", "0 of 1 note listed", "4 notes", "0 of 1 note listed", "0 of 1 note listed", "0 of 1 note listed", "3 notes"]);
		expect(el.querySelectorAll(`.${HUB_CLASSES.missing}`)).toHaveLength(4);
		const cards = [...el.querySelectorAll(`.${HUB_CLASSES.card}`)];
		expect(cards).toHaveLength(14);
		const first = cards[0] as HTMLElement;
		expect([...first.children].map((c) => c.className)).toEqual(["internal-link", `clickable-icon ${HUB_CLASSES.explore}`, HUB_CLASSES.description]);
		expect(first.querySelector(`.${HUB_CLASSES.description}`)?.textContent).toMatch(/^Explores whether reinforcement learning with verifiable rewards/);

		// The button opens the sidebar for that card's note, not for the hub.
		(first.querySelector(`.${HUB_CLASSES.explore}`) as HTMLElement).click();
		await settle();
		const view = h.app.workspace.getLeavesOfType("research-atlas-related")[0]?.view;
		if (!(view instanceof RelatedNotesView)) throw new Error("the related-notes view did not open");
		expect(view.path).toBe("Questions/Does RLVR actually expand what models can reason about.md");
		expect(view.contentEl.querySelector(".research-atlas-related-subject")?.textContent).toBe("Does RLVR actually expand what models can reason about");
	});

	it("leaves notes that are not hubs, and a hub's own text outside the markers, as they are", async () => {
		const h = await startHubs(await seedFiles());
		const list = "- [[Does RLVR actually expand what models can reason about]] — my own list\n\n4 notes\n";
		const plain = await render(h, "Mine.md", list, { title: "Mine" });
		expect(plain.querySelector(`.${HUB_CLASSES.card}, .${HUB_CLASSES.count}`)).toBeNull();
		const note = `---\nhub_tag: x\n---\n${list}\n${HUB_START}\nTopic Hub · 0 linked notes · 0 sections\n${HUB_END}\n`;
		const outside = await render(h, "Hub.md", list, { hub_tag: "x" }, { text: note, lineStart: 3, lineEnd: 3 });
		expect(outside.querySelector(`.${HUB_CLASSES.card}`)).toBeNull();
		// The header's block begins on the marker's line (no blank line between them); Obsidian hides the comment.
		const inside = await render(h, "Hub.md", "Topic Hub · 0 linked notes · 0 sections", { hub_tag: "x" }, { text: note, lineStart: 7, lineEnd: 8 });
		expect(inside.querySelector(`.${HUB_CLASSES.header}`)).not.toBeNull();
	});
});
