/** @jest-environment jsdom */
import { Modal, Notice, TFile } from "../../obsidian-stub/obsidian";
import type * as Real from "obsidian";
import { OpenEpisodeModal } from "../../../src/obsidian/episodes/OpenEpisodeModal";
import { FILES, startEpisodes, type Harness } from "./harness";

/** The slice of an Editor the commands use, over a string, with an undo stack of whole transactions. */
class FakeEditor {
	undo: string[] = [];
	constructor(
		public text: string,
		public cursor = { line: 0, ch: 0 },
	) {}
	getValue(): string {
		return this.text;
	}
	getLine(line: number): string {
		return this.text.split("\n")[line] ?? "";
	}
	getCursor(): Real.EditorPosition {
		return this.cursor;
	}
	offsetToPos(offset: number): Real.EditorPosition {
		const before = this.text.slice(0, offset).split("\n");
		return { line: before.length - 1, ch: (before.at(-1) ?? "").length };
	}
	posToOffset(pos: Real.EditorPosition): number {
		return this.text.split("\n").slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.ch;
	}
	transaction(tx: Real.EditorTransaction): void {
		this.undo.push(this.text);
		const changes = [...(tx.changes ?? [])].map((c) => ({ from: this.posToOffset(c.from), to: this.posToOffset(c.to ?? c.from), text: c.text })).sort((a, b) => b.from - a.from);
		for (const c of changes) this.text = this.text.slice(0, c.from) + c.text + this.text.slice(c.to);
	}
}

function run(h: Harness, id: string, editor: FakeEditor, path = "Notes/Hand.md", checking = false): boolean {
	const command = h.stub.commands.find((c) => c.id === `research-atlas:${id}`);
	if (command?.editorCheckCallback === undefined) throw new Error(`no editor command ${id}`);
	const info = { file: h.app.vault.getFileByPath(path) as TFile, app: h.app, hoverPopover: null } as unknown as Real.MarkdownFileInfo;
	return command.editorCheckCallback(checking, editor as unknown as Real.Editor, info) === true;
}

describe("episode commands", () => {
	afterEach(() => {
		Modal.openModals = [];
		Notice.messages = [];
	});

	it("registers commands without default hotkeys or the plugin id in their ids", async () => {
		const h = await startEpisodes(FILES);
		expect(h.stub.commands.map((c) => [c.id, c.name, c.hotkeys])).toEqual([
			["research-atlas:open-episode", "Open episode…", undefined],
			["research-atlas:open-episode-citations", "Open episode citations view", undefined],
			["research-atlas:show-episode-citations", "Show citations of the episode under the cursor", undefined],
			["research-atlas:link-episode-codes", "Link episode codes in this note", undefined],
			["research-atlas:unlink-episode-codes", "Turn episode links into plain codes in this note", undefined],
		]);
	});

	it("links plain codes and unlinks bare links in one undoable transaction each", async () => {
		const h = await startEpisodes(FILES);
		const editor = new FakeEditor("See E026 and `E011`.\nAlso [[E011]] and [[E009|alias]].");
		expect(run(h, "link-episode-codes", editor, "Notes/Hand.md", true)).toBe(true);
		expect(editor.text).toBe("See E026 and `E011`.\nAlso [[E011]] and [[E009|alias]].");
		run(h, "link-episode-codes", editor);
		expect(editor.text).toBe("See [[E026]] and `E011`.\nAlso [[E011]] and [[E009|alias]].");
		expect(editor.undo).toHaveLength(1);
		expect(run(h, "link-episode-codes", editor, "Notes/Hand.md", true)).toBe(false);
		run(h, "unlink-episode-codes", editor);
		expect(editor.text).toBe("See E026 and `E011`.\nAlso E011 and [[E009|alias]].");
		expect(editor.undo).toHaveLength(2);
		expect(Notice.messages).toEqual(["Linked 1 episode code.", "Turned 2 episode links into plain codes."]);
	});

	it("shows the citations of the code under the cursor, or of the episode note being edited", async () => {
		const h = await startEpisodes(FILES);
		expect(run(h, "show-episode-citations", new FakeEditor("No code here"), "Notes/Hand.md", true)).toBe(false);
		run(h, "show-episode-citations", new FakeEditor("See E011 here", { line: 0, ch: 6 }));
		await new Promise((r) => setTimeout(r, 0));
		const leaf = h.app.workspace.getLeavesOfType("research-atlas-episode-citations")[0];
		expect((leaf?.view as unknown as { code: string }).code).toBe("E011");
		expect(run(h, "show-episode-citations", new FakeEditor("Nothing"), "Episodes/E026.md", true)).toBe(true);
	});

	it("lists episodes with titles and counts, fuzzy-matched, and opens the chosen one", async () => {
		const h = await startEpisodes(FILES);
		h.stub.runCommand("open-episode");
		const modal = Modal.openModals[0] as unknown as OpenEpisodeModal & { suggest(q: string): Promise<Array<{ item: { code: string } }>>; choose(i: number): void; resultContainerEl: HTMLElement };
		const all = await modal.suggest("");
		expect(all.map((s) => s.item.code)).toEqual(["E011", "E026", "E099"]);
		expect(Array.from(modal.resultContainerEl.children).map((el) => el.textContent)).toEqual([
			"E011Cited in 1 note",
			"E026Rethinking RLCited in 2 notes",
			"E099Cited in 1 note · no note yet",
		]);
		expect((await modal.suggest("rethink")).map((s) => s.item.code)).toEqual(["E026"]);
		modal.choose(0);
		expect(h.app.workspace.openedLinks.map((l) => l.linktext)).toEqual(["E026"]);
	});
});
