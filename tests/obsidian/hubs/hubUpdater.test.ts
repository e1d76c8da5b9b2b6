/** @jest-environment jsdom */
import { MarkdownView, Modal, Notice, type TFile } from "../../obsidian-stub/obsidian";
import { planHub, readHubSpec, renderHubRegion, hubSourceFromFiles } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import type { BuildHubModal } from "../../../src/obsidian/hubs/BuildHubModal";
import type { TagSuggestModal } from "../../../src/obsidian/hubs/TagSuggestModal";
import { seedFiles, settle, startHubs } from "./harness";

const SEED_HUB = "Hubs/What does reward learning actually do to model reasoning.md";
const QUESTION = "Questions/Why do reasoning models fail at predicting disagreement.md";

function file(app: Awaited<ReturnType<typeof startHubs>>["app"], path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (found === null) throw new Error(`no ${path}`);
	return found;
}

beforeEach(() => Notice.clear());

describe("hubs in Obsidian", () => {
	it("updates the seed hub from the metadata cache exactly as the CLI does, then reports it up to date", async () => {
		const files = await seedFiles();
		const { app, stub } = await startHubs(files);
		const defaults = { sort: "title" as const, excludeFolders: [], excludeKey: "atlas_exclude" };
		const source = hubSourceFromFiles(Object.entries(files).map(([path, content]) => ({ path, content })), nodeYaml);
		const spec = readHubSpec(source.byPath.get(SEED_HUB) ?? source.notes[0]!, defaults);
		const expected = renderHubRegion(planHub(source, spec!, SEED_HUB).region);

		app.workspace.getLeaf(false);
		await app.workspace.getLeaf(false).openFile(file(app, SEED_HUB));
		stub.runCommand("update-this-hub");
		await settle();
		expect(Notice.messages).toEqual(['Updated hub "What does reward learning actually do to model reasoning": 14 notes in 8 sections.']);
		const text = await app.vault.read(file(app, SEED_HUB));
		expect(text).toContain(expected);

		stub.runCommand("update-all-hubs");
		await settle();
		expect(Notice.messages[1]).toBe("1 hub: 0 updated, 1 up to date.");
		expect(await app.vault.read(file(app, SEED_HUB))).toBe(text);
	});

	it("offers update-this-hub only on hubs", async () => {
		const { app, stub } = await startHubs(await seedFiles());
		await app.workspace.getLeaf(false).openFile(file(app, QUESTION));
		expect(stub.runCommand("update-this-hub")).toBe(false);
	});

	it("auto-updates a hub after a tagged note changes, ignores its own write, and waits while the hub is being typed in", async () => {
		const { app, feature } = await startHubs(await seedFiles(), { hubAutoUpdate: true });
		const updater = feature.updater;
		const question = file(app, QUESTION);
		await app.vault.process(question, (text) => text.replace("  - hub/what-does-reward-learning-actually-do-to-model-reasoning/rlvr-side-effects\n", ""));
		await settle();
		expect([...updater.pending]).toEqual([SEED_HUB]);

		// The user is typing in the hub: it stays pending.
		const hub = file(app, SEED_HUB);
		await app.workspace.getLeaf(false).openFile(hub);
		expect(app.workspace.getActiveFile()?.path).toBe(SEED_HUB);
		expect(app.workspace.activeLeaf?.view).toBeInstanceOf(MarkdownView);
		app.workspace.trigger("editor-change", {}, { file: hub });
		expect(await updater.flush()).toEqual([]);
		expect([...updater.pending]).toEqual([SEED_HUB]);

		// Another note becomes active: the update runs.
		await app.workspace.getLeaf(true).openFile(question);
		app.workspace.setActiveLeaf(app.workspace.leaves.at(-1)!);
		const outcomes = await updater.flush();
		expect(outcomes).toEqual([{ path: SEED_HUB, tag: "hub/what-does-reward-learning-actually-do-to-model-reasoning", status: "updated", notes: 13, sections: 8 }]);
		expect(await app.vault.read(hub)).not.toContain("Why do reasoning models fail at predicting disagreement");
		await settle();
		// Its own write scheduled nothing: no loop.
		expect([...updater.pending]).toEqual([]);
	});

	it("does not react to edits that change nothing a hub shows, nor when auto-update is off", async () => {
		const files = await seedFiles();
		const on = await startHubs(files, { hubAutoUpdate: true });
		await on.app.vault.process(file(on.app, QUESTION), (text) => `${text}\nA new closing line.\n`);
		await settle();
		expect([...on.feature.updater.pending]).toEqual([]);
		const off = await startHubs(files, { hubAutoUpdate: false });
		await off.app.vault.process(file(off.app, QUESTION), (text) => text.replace("  - hub/what-does-reward-learning-actually-do-to-model-reasoning/rlvr-side-effects\n", ""));
		await settle();
		expect([...off.feature.updater.pending]).toEqual([]);
	});

	it("builds a hub from a picked tag and the dialog's choices, and opens it", async () => {
		const { app, stub } = await startHubs(await seedFiles(), { hubsFolder: "My hubs" });
		Modal.openModals = [];
		stub.runCommand("build-topic-hub");
		const picker = Modal.openModals[0] as unknown as TagSuggestModal & { suggest: (q: string) => Promise<{ item: { tag: string; notes: number } }[]>; choose: (i: number) => void };
		const shown = await picker.suggest("rlvr side effects");
		const at = shown.findIndex((m) => m.item.tag.endsWith("/rlvr-side-effects"));
		// The section note and its three questions carry the tag.
		expect(shown[at]?.item.notes).toBe(4);
		expect(picker.resultContainerEl.textContent).toContain("#hub/what-does-reward-learning-actually-do-to-model-reasoning/rlvr-side-effects4 notes");
		picker.choose(at);
		const dialog = Modal.openModals[0] as unknown as BuildHubModal;
		expect(dialog.titleEl.textContent).toBe("Build topic hub from #hub/what-does-reward-learning-actually-do-to-model-reasoning/rlvr-side-effects");
		dialog.done();
		await settle();
		const built = app.vault.getFileByPath("My hubs/Rlvr side effects.md");
		expect(built).not.toBeNull();
		expect(Notice.messages).toEqual(['Built hub "Rlvr side effects": 3 notes in 1 section.']);
		expect(app.workspace.getActiveFile()?.path).toBe("My hubs/Rlvr side effects.md");
		const text = await app.vault.read(built!);
		expect(text.split("\n").slice(0, 8)).toEqual([
			"---",
			"type: hub",
			"title: Rlvr side effects",
			"hub_tag: hub/what-does-reward-learning-actually-do-to-model-reasoning/rlvr-side-effects",
			"sections_from: nested",
			"---",
			"%% research-atlas:hub start — generated; your text above and below is kept %%",
			"Topic Hub · 3 linked notes · 1 section",
		]);
	});
});
