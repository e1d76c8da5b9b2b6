/** @jest-environment jsdom */
import { Component, MarkdownRenderer, Modal } from "../../obsidian-stub/obsidian";
import type * as Real from "obsidian";
import { decorateCodes } from "../../../src/obsidian/episodes/codeLinkProcessor";
import { FILES, settle, startEpisodes, until, type Harness } from "./harness";

/** Renders Markdown like the reading view and runs the plugin's post-processor on it. */
async function readingView(h: Harness, markdown: string, sourcePath: string): Promise<{ el: HTMLElement; section: Component }> {
	const el = document.body.createDiv();
	const section = new Component();
	section.load();
	await MarkdownRenderer.render(h.app, markdown, el, sourcePath, section);
	const ctx: Real.MarkdownPostProcessorContext = {
		docId: "doc",
		sourcePath,
		frontmatter: null,
		addChild: (child: Real.MarkdownRenderChild) => void section.addChild(child),
		getSectionInfo: () => null,
	};
	const processor = h.stub.processors.find((p) => p.kind === "post");
	if (processor === undefined) throw new Error("no post-processor registered");
	await (processor.handler as Real.MarkdownPostProcessor)(el, ctx);
	return { el, section };
}

const codes = (el: HTMLElement): string[] =>
	Array.from(el.querySelectorAll("a.research-atlas-code")).map((a) => `${a.textContent ?? ""}${a.classList.contains("is-unresolved") ? "?" : ""}:${a.nextElementSibling?.classList.contains("research-atlas-code-count") ? (a.nextElementSibling.textContent ?? "") : "-"}`);

describe("reading view post-processor", () => {
	afterEach(() => {
		document.body.empty();
		Modal.openModals = [];
	});

	it("links plain codes with a count, marks missing episodes, and leaves code and URLs alone", async () => {
		const h = await startEpisodes(FILES);
		const { el } = await readingView(h, "Typed E026 and E099.\n\n```\nE026 in a block\n```\n\nSee https://x.org/E026 and [[E011]].", "Notes/Other.md");
		expect(codes(el)).toEqual(["E026:2", "E099?:1"]);
		expect(el.querySelector("pre")?.textContent).toBe("E026 in a block");
		expect(el.querySelectorAll("p")[1]?.textContent).toBe("See https://x.org/E026 and E0111.");
		const link = el.querySelector("a.research-atlas-code") as HTMLAnchorElement;
		expect(link.getAttribute("data-href")).toBe("E026");
		expect(link.nextElementSibling?.getAttribute("aria-label")).toBe("Cited in 2 notes");
		// The existing wiki link to E011 got a count too.
		expect(el.querySelector('a[data-href="E011"]')?.nextElementSibling?.textContent).toBe("1");
	});

	it("opens the episode note on click, in a new tab on mod-click, and offers to create a missing one", async () => {
		const h = await startEpisodes(FILES);
		const { el } = await readingView(h, "Typed E026 and E099.", "Notes/Other.md");
		const [known, missing] = Array.from(el.querySelectorAll<HTMLElement>("a.research-atlas-code"));
		known?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
		known?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ctrlKey: true }));
		expect(h.app.workspace.openedLinks.map((l) => [l.linktext, l.sourcePath, l.newLeaf])).toEqual([
			["E026", "Notes/Other.md", false],
			["E026", "Notes/Other.md", "tab"],
		]);
		missing?.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
		expect(Modal.openModals).toHaveLength(1);
		const modal = Modal.openModals[0] as Modal;
		expect(modal.titleEl.textContent).toBe("Create episode note E099?");
		const create = Array.from(modal.contentEl.querySelectorAll("button")).find((b) => b.textContent === "Create");
		create?.click();
		await until(() => h.app.workspace.leaves.some((l) => l.openedFiles.some((o) => o.file.path === "Episodes/E099.md")));
		// Created, then opened in the current leaf (not the tab the mod-click opened).
		expect(h.app.workspace.leaves.map((l) => l.openedFiles.map((o) => o.file.path))).toEqual([["Episodes/E026.md", "Episodes/E099.md"], ["Episodes/E026.md"]]);
		expect(h.app.vault.getFileByPath("Episodes/E099.md")).not.toBeNull();
		expect(h.feature.indexer.index.episodePath("E099")).toBe("Episodes/E099.md");
	});

	it("asks for a page preview on hover through the hover-link event", async () => {
		const h = await startEpisodes(FILES);
		const { el } = await readingView(h, "Typed E026.", "Notes/Other.md");
		const seen: Array<{ source: string; linktext: string; sourcePath: string; targetEl: HTMLElement }> = [];
		h.app.workspace.on("hover-link", (info: { source: string; linktext: string; sourcePath: string; targetEl: HTMLElement }) => seen.push(info));
		const link = el.querySelector("a.research-atlas-code") as HTMLElement;
		link.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
		expect(seen).toHaveLength(1);
		expect(seen.map((s) => [s.source, s.linktext, s.sourcePath, s.targetEl === link])).toEqual([["preview", "E026", "Notes/Other.md", true]]);
	});

	it("updates counts and missing states when the index changes, and stops when the section is unloaded", async () => {
		const h = await startEpisodes(FILES);
		const { el, section } = await readingView(h, "Typed E026 and E099.", "Notes/Other.md");
		await h.app.vault.create("Notes/Third.md", "Also E026 and E099.");
		await h.app.vault.create("Episodes/E099.md", "");
		await settle();
		expect(codes(el)).toEqual(["E026:3", "E099:2"]);
		section.unload();
		await h.app.vault.create("Notes/Fourth.md", "E026");
		await settle();
		expect(codes(el)).toEqual(["E026:3", "E099:2"]);
	});

	it("touches only the links of the codes a change moved, and keeps sections out of the DOM current", async () => {
		const h = await startEpisodes(FILES);
		const { el } = await readingView(h, "Typed E026.\n\nTyped E011.", "Notes/Other.md");
		const [first, second] = Array.from(el.children) as HTMLElement[];
		// The second section scrolled away: Obsidian's reading view drops far sections from the DOM.
		second?.remove();
		const badge = (section: HTMLElement | undefined): string => section?.querySelector(".research-atlas-code-count")?.textContent ?? "-";
		const writes: string[] = [];
		for (const section of [first, second]) {
			const link = section?.querySelector<HTMLElement>("a.research-atlas-code");
			const toggle = link?.toggleClass.bind(link);
			if (link && toggle) link.toggleClass = (cls: string | string[], value: boolean) => (writes.push(link.textContent ?? ""), toggle(cls, value));
		}
		await h.app.vault.create("Notes/Third.md", "Cites E011.");
		await settle();
		expect(writes).toEqual(["E011", "E011"]);
		expect([badge(first), badge(second)]).toEqual(["2", "2"]);
	});

	it("follows the count settings: occurrences, and a minimum below which nothing is shown", async () => {
		const h = await startEpisodes(FILES, { citationCount: "occurrences", citationCountMinimum: 3 });
		const { el } = await readingView(h, "Typed E026 and E011.", "Notes/Other.md");
		expect(codes(el)).toEqual(["E026:3", "E011:-"]);
		expect(el.querySelector(".research-atlas-code-count")?.getAttribute("aria-label")).toBe("Cited 3 times");
	});

	it("does not link an episode note's own code", async () => {
		const h = await startEpisodes(FILES);
		const { el } = await readingView(h, "E026 is about tokens; see E011.", "Episodes/E026.md");
		expect(codes(el)).toEqual(["E011:1"]);
	});

	it("skips code, math, embeds and its own links whole, and never counts a link twice", async () => {
		const h = await startEpisodes(FILES);
		const el = document.body.createDiv();
		const p = el.createEl("p", { text: "Plain E026, " });
		p.createEl("code", { text: "E026" });
		p.createSpan({ cls: "math", text: "E011" });
		p.createSpan({ cls: "internal-embed" }).createEl("a", { cls: "internal-link", text: "E011", attr: { "data-href": "E011" } });
		p.createEl("a", { cls: "internal-link", text: "E011", attr: { "data-href": "Episodes/E011#^p1" } });
		p.createEl("strong", { text: " and bold E011." });
		const settings = h.plugin.settings;
		expect(decorateCodes(el, h.feature.indexer, "Notes/Other.md", settings).map((a) => a.textContent)).toEqual(["E026", "E011", "E011"]);
		expect(decorateCodes(el, h.feature.indexer, "Notes/Other.md", settings)).toHaveLength(1);
		expect(p.textContent).toBe("Plain E0262, E026E011E011E0111 and bold E0111.");
		expect(codes(el)).toEqual(["E026:2", "E011:1"]);
		// Inside a code block the section is skipped altogether.
		const inCode = el.createEl("pre").createEl("code").createDiv({ text: "E026" });
		expect(decorateCodes(inCode, h.feature.indexer, "Notes/Other.md", settings)).toEqual([]);
	});

	it("never turns vault text into HTML", async () => {
		const h = await startEpisodes(FILES);
		const { el } = await readingView(h, "<img src=x onerror=alert(1)> E026", "Notes/Other.md");
		expect(el.querySelector("img")).toBeNull();
		expect(el.querySelector("p")?.textContent).toBe("<img src=x onerror=alert(1)> E0262");
	});
});
