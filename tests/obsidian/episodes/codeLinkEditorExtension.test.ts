/** @jest-environment jsdom */
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField, TFile } from "../../obsidian-stub/obsidian";
import type * as Real from "obsidian";
import { FILES, startEpisodes, until, type Harness } from "./harness";

function editor(h: Harness, doc: string, options: { livePreview?: boolean; cursor?: number; path?: string } = {}): EditorView {
	const file = h.app.vault.getFileByPath(options.path ?? "Notes/Hand.md") as TFile;
	const info = { app: h.app, file, hoverPopover: null } as unknown as Real.MarkdownFileInfo;
	const state = EditorState.create({
		doc,
		selection: EditorSelection.cursor(options.cursor ?? 0),
		extensions: [editorInfoField.init(() => info), editorLivePreviewField.init(() => options.livePreview ?? true), ...(h.stub.editorExtensions as never[])],
	});
	return new EditorView({ state, parent: document.body.createDiv() });
}

const marked = (view: EditorView): string[] =>
	Array.from(view.contentDOM.querySelectorAll(".research-atlas-code")).map((el) => `${el.textContent ?? ""}${el.classList.contains("is-unresolved") ? "?" : ""}`);
const counts = (view: EditorView): string[] => Array.from(view.contentDOM.querySelectorAll(".research-atlas-code-count")).map((el) => el.textContent ?? "");

describe("Live Preview extension", () => {
	afterEach(() => document.body.empty());

	it("marks plain codes as links with counts, and counts after links to episode notes", async () => {
		const h = await startEpisodes(FILES);
		const view = editor(h, "X\nSee E026, E099 and [[E011]]; `E026` stays.", { cursor: 0 });
		expect(marked(view)).toEqual(["E026", "E099?"]);
		expect(counts(view)).toEqual(["2", "1", "1"]);
		view.destroy();
	});

	it("leaves the code under the cursor and source mode alone", async () => {
		const h = await startEpisodes(FILES);
		const atCode = editor(h, "See E026 and E011.", { cursor: 6 });
		expect(marked(atCode)).toEqual(["E011"]);
		atCode.dispatch({ selection: EditorSelection.cursor(0) });
		expect(marked(atCode)).toEqual(["E026", "E011"]);
		const source = editor(h, "See E026 and E011.", { livePreview: false });
		expect(marked(source)).toEqual([]);
		expect(counts(source)).toEqual([]);
	});

	it("opens the episode on mousedown, without moving the cursor", async () => {
		const h = await startEpisodes(FILES);
		const view = editor(h, "See E026.", { cursor: 0 });
		const code = view.contentDOM.querySelector(".research-atlas-code") as HTMLElement;
		const event = new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 });
		code.dispatchEvent(event);
		expect(event.defaultPrevented).toBe(true);
		expect(h.app.workspace.openedLinks.map((l) => [l.linktext, l.sourcePath, l.newLeaf])).toEqual([["E026", "Notes/Hand.md", false]]);
		expect(view.state.selection.main.head).toBe(0);
	});

	it("tells the feature which code the cursor is on", async () => {
		const h = await startEpisodes(FILES);
		const view = editor(h, "See E026 and E011.", { cursor: 0 });
		const shown: string[] = [];
		const leaf = h.app.workspace.getRightLeaf(false);
		await leaf.setViewState({ type: "research-atlas-episode-citations" });
		const citations = leaf.view as unknown as { code: string | null };
		view.dispatch({ selection: EditorSelection.cursor(15) });
		shown.push(citations.code ?? "");
		view.dispatch({ selection: EditorSelection.cursor(5) });
		shown.push(citations.code ?? "");
		expect(shown).toEqual(["E011", "E026"]);
	});

	it("follows settings live: a new code pattern, the count mode and the minimum", async () => {
		const h = await startEpisodes({ ...FILES, "Notes/Ep.md": "EP-7 here" });
		const view = editor(h, "X\nSee E026 and EP-7.", { cursor: 0 });
		expect([marked(view), counts(view)]).toEqual([["E026"], ["2"]]);
		h.plugin.settings.citationCount = "occurrences";
		await h.plugin.saveSettings();
		await until(() => counts(view).join() === "3");
		h.plugin.settings.citationCountMinimum = 4;
		await h.plugin.saveSettings();
		await until(() => counts(view).length === 0);
		h.plugin.settings.codePattern = "EP-\\d+";
		h.plugin.settings.citationCountMinimum = 1;
		await h.plugin.saveSettings();
		await until(() => marked(view).join() === "EP-7?");
		expect(counts(view)).toEqual(["1"]);
		// The editor's text and cursor are untouched by the redraws.
		expect([view.state.doc.toString(), view.state.selection.main.head]).toEqual(["X\nSee E026 and EP-7.", 0]);
		view.destroy();
	});
});
