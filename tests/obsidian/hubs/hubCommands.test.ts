/** @jest-environment jsdom */
import { Modal, Notice, type TFile } from "../../obsidian-stub/obsidian";
import type { BuildHubModal } from "../../../src/obsidian/hubs/BuildHubModal";
import type { TagSuggestModal } from "../../../src/obsidian/hubs/TagSuggestModal";
import { seedFiles, settle, startHubs, type Harness } from "./harness";

const SEED_HUB = "Hubs/What does reward learning actually do to model reasoning.md";
const SEED_TAG = "hub/what-does-reward-learning-actually-do-to-model-reasoning";
const QUESTION = "Questions/Why do reasoning models fail at predicting disagreement.md";

function file(h: Harness, path: string): TFile {
	const found = h.app.vault.getFileByPath(path);
	if (found === null) throw new Error(`no ${path}`);
	return found;
}

/** Whether a command is offered now (its checkCallback asked with checking = true). */
function offered(h: Harness, id: string): boolean {
	const command = h.stub.commands.find((c) => c.id === id || c.id === `research-atlas:${id}`);
	if (command?.checkCallback === undefined) throw new Error(`no check command ${id}`);
	return command.checkCallback(true) === true;
}

function choose(select: HTMLSelectElement | null | undefined, value: string): void {
	if (select === null || select === undefined) throw new Error("no dropdown");
	select.value = value;
	select.dispatchEvent(new Event("change"));
}

function type(input: HTMLInputElement | null, value: string): void {
	if (input === null) throw new Error("no input");
	input.value = value;
	input.dispatchEvent(new Event("input"));
}

beforeEach(() => {
	Notice.clear();
	Modal.openModals = [];
});

describe("the build dialog", () => {
	it("builds by a frontmatter property, with a description, card order and section order recorded in the hub", async () => {
		const h = await startHubs(await seedFiles(), { hubSort: "citations" });
		h.stub.runCommand("build-topic-hub");
		const picker = Modal.openModals[0] as unknown as TagSuggestModal & { suggest: (q: string) => Promise<{ item: { tag: string; notes: number } }[]>; choose: (i: number) => void };
		const shown = await picker.suggest(SEED_TAG);
		const at = shown.findIndex((m) => m.item.tag === SEED_TAG);
		// The hub note, its eight section notes and fourteen questions.
		expect(shown[at]?.item.notes).toBe(23);
		picker.choose(at);
		const dialog = Modal.openModals[0] as unknown as BuildHubModal;
		const el = dialog.contentEl;
		// The card order follows the settings unless chosen, and says what the settings say.
		expect([...el.querySelectorAll("select")][1]?.querySelector("option")?.textContent).toBe("As in settings (episode citations, most first)");
		choose(el.querySelector("select"), "frontmatter");
		type(el.querySelector<HTMLInputElement>(".research-atlas-build-hub-title"), "By sub-topic");
		type(el.querySelector<HTMLInputElement>(".research-atlas-build-hub-key"), "subtopics");
		type(el.querySelector<HTMLInputElement>(".research-atlas-build-hub-description"), "Questions on reward learning, by sub-topic.");
		const selects = [...el.querySelectorAll("select")];
		choose(selects[1], "title");
		choose(selects[2], "size");
		dialog.done();
		await settle();

		expect(Notice.messages).toEqual(['Built hub "By sub-topic": 14 notes in 2 sections.']);
		const text = await h.app.vault.read(file(h, "Hubs/By sub-topic.md"));
		expect(text.split("\n").slice(0, 13)).toEqual([
			"---",
			"type: hub",
			"title: By sub-topic",
			"description: Questions on reward learning, by sub-topic.",
			`hub_tag: ${SEED_TAG}`,
			"sections_from: frontmatter:subtopics",
			"hub_sort: title",
			"hub_section_order: size",
			"---",
			"Questions on reward learning, by sub-topic.",
			"",
			"%% research-atlas:hub start — generated; your text above and below is kept %%",
			"Topic Hub · 14 linked notes · 2 sections",
		]);
		expect(text.split("\n").filter((line) => line.startsWith("## "))).toEqual(["## [[RL with Verifiable Rewards (RLVR)]]", "## Other notes"]);
		// By title, as the hub asked, not by citations as the settings say.
		const cards = text.split("\n").filter((line) => line.startsWith("- [["));
		expect(cards.slice(0, 2).map((c) => c.slice(0, 40))).toEqual(["- [[Can a single training example unlock", "- [[Can breaking down instructions into "]);
	});

	it("builds nothing while the property is empty", async () => {
		const h = await startHubs(await seedFiles());
		h.stub.runCommand("build-topic-hub");
		const picker = Modal.openModals[0] as unknown as { suggest: (q: string) => Promise<{ item: { tag: string } }[]>; choose: (i: number) => void };
		const shown = await picker.suggest(SEED_TAG);
		picker.choose(shown.findIndex((m) => m.item.tag === SEED_TAG));
		const dialog = Modal.openModals[0] as unknown as BuildHubModal;
		choose(dialog.contentEl.querySelector("select"), "frontmatter");
		dialog.done();
		await settle();
		expect(Modal.openModals).toContain(dialog as unknown as Modal);
		expect(h.app.vault.getMarkdownFiles().filter((f) => /^Hubs\/[^/]+$/.test(f.path)).map((f) => f.path)).toEqual([SEED_HUB]);
	});
});

describe("freezing a hub", () => {
	it("freezes with the hub_frozen property, then updates leave it alone until it is unfrozen", async () => {
		const h = await startHubs(await seedFiles());
		const hub = file(h, SEED_HUB);
		await h.app.workspace.getLeaf(false).openFile(hub);
		expect([offered(h, "freeze-this-hub"), offered(h, "unfreeze-this-hub")]).toEqual([true, false]);
		h.stub.runCommand("freeze-this-hub");
		await settle();
		const frozen = await h.app.vault.read(hub);
		expect(frozen).toContain("\nhub_frozen: true\n");
		expect(Notice.messages).toEqual([`Froze hub "${hub.basename}": updates leave it as it is until you unfreeze it.`]);
		expect([offered(h, "freeze-this-hub"), offered(h, "unfreeze-this-hub")]).toEqual([false, true]);

		h.stub.runCommand("update-all-hubs");
		await settle();
		expect(Notice.messages[1]).toBe("1 hub: 0 updated, 0 up to date, 1 frozen.");
		expect(await h.app.vault.read(hub)).toBe(frozen);

		h.stub.runCommand("unfreeze-this-hub");
		await settle();
		const text = await h.app.vault.read(hub);
		expect(text).not.toContain("hub_frozen");
		// Unfreezing brings the hub up to date at once (the imported page order becomes title order).
		expect(Notice.messages[2]).toBe(`Unfroze hub "${hub.basename}". Updated hub "${hub.basename}": 14 notes in 8 sections.`);
		expect(offered(h, "freeze-this-hub")).toBe(true);
	});

	it("is offered only on hubs", async () => {
		const h = await startHubs(await seedFiles());
		await h.app.workspace.getLeaf(false).openFile(file(h, QUESTION));
		expect([offered(h, "freeze-this-hub"), offered(h, "unfreeze-this-hub"), offered(h, "update-this-hub")]).toEqual([false, false, false]);
	});
});

describe("auto-update and renames", () => {
	it("moves a section when its section note's order changes", async () => {
		const h = await startHubs(await seedFiles(), { hubAutoUpdate: true });
		const updater = h.feature.updater;
		await updater.updateAll();
		await settle();
		updater.pending.clear();
		const section = file(h, "Hubs/What does reward learning actually do to model reasoning/RLVR Side Effects.md");
		// With a description, nothing but the order tells that the section moved.
		await h.app.fileManager.processFrontMatter(section, (fm: Record<string, unknown>) => (fm.description = "What RLVR breaks."));
		await settle();
		await updater.flush();
		await h.app.fileManager.processFrontMatter(section, (fm: Record<string, unknown>) => (fm.order = 0));
		await settle();
		expect([...updater.pending]).toEqual([SEED_HUB]);
		await updater.flush();
		const headings = (await h.app.vault.read(file(h, SEED_HUB))).split("\n").filter((line) => line.startsWith("## "));
		expect(headings.slice(0, 2)).toEqual(["## [[RLVR Side Effects]]", "## [[What RLVR Actually Does]]"]);
	});

	it("keeps a renamed note's card with its new link, and drops notes in an excluded folder", async () => {
		const h = await startHubs(await seedFiles(), { hubAutoUpdate: true, hubExcludeFolders: ["Archive"] });
		const updater = h.feature.updater;
		await updater.updateAll();
		await settle();
		updater.pending.clear();

		await h.app.vault.createFolder("Archive");
		await h.app.fileManager.renameFile(file(h, QUESTION), "Questions/Reasoning models and disagreement.md");
		await h.app.fileManager.renameFile(file(h, "Questions/Can a single training example unlock mathematical reasoning.md"), "Archive/Single example.md");
		await settle();
		expect([...updater.pending]).toEqual([SEED_HUB]);
		const [outcome] = await updater.flush();
		expect(outcome).toMatchObject({ path: SEED_HUB, status: "updated", notes: 13, sections: 8 });
		const text = await h.app.vault.read(file(h, SEED_HUB));
		expect(text).toContain("- [[Reasoning models and disagreement|Why do reasoning models fail at predicting disagreement?]] — RLVR models optimize");
		expect(text).not.toContain("[[Why do reasoning models fail at predicting disagreement|");
		expect(text).not.toContain("Can a single training example");
		await settle();
		expect([...updater.pending]).toEqual([]);
	});
});
