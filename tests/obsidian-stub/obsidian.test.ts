/**
 * @jest-environment jsdom
 */
import {
	App,
	debounce,
	getAllTags,
	Keymap,
	MarkdownRenderer,
	normalizePath,
	Notice,
	Plugin,
	prepareFuzzySearch,
	Setting,
	TFile,
	TFolder,
	type TAbstractFile,
} from "./obsidian";
import { createApp, loadVaultDir } from "../helpers/memoryApp";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../helpers/tempDir";

describe("normalizePath", () => {
	it.each([
		["a//b///c", "a/b/c"],
		["/a/b/", "a/b"],
		["a\\b\\c.md", "a/b/c.md"],
		["", "/"],
		["/", "/"],
		["a\u00A0b", "a b"],
		["Cafe\u0301.md", "Café.md"],
	])("%j → %j", (input, expected) => {
		expect(normalizePath(input)).toBe(expected);
	});
});

describe("Vault", () => {
	it("creates, reads, modifies, renames and deletes, firing events", async () => {
		const app = createApp({ "notes/a.md": "A" });
		const events: string[] = [];
		const log =
			(name: string) =>
			(file: TAbstractFile, oldPath?: string): void => {
				events.push(oldPath === undefined ? `${name} ${file.path}` : `${name} ${oldPath}→${file.path}`);
			};
		app.vault.on("create", log("create"));
		app.vault.on("modify", log("modify"));
		app.vault.on("delete", log("delete"));
		app.vault.on("rename", log("rename"));

		await expect(app.vault.create("missing/b.md", "B")).rejects.toThrow();
		await app.vault.createFolder("other/deep");
		const b = await app.vault.create("other/deep/b.md", "B");
		expect(await app.vault.read(b)).toBe("B");
		await expect(app.vault.create("other/deep/b.md", "again")).rejects.toThrow("already exists");
		await app.vault.modify(b, "B2");
		await app.vault.rename(b, "notes/b.md");
		expect(b.path).toBe("notes/b.md");
		expect(b.parent?.path).toBe("notes");
		expect(app.vault.getFileByPath("notes/b.md")).toBe(b);
		expect(app.vault.getFolderByPath("notes")?.children.map((c) => c.name).sort()).toEqual(["a.md", "b.md"]);
		await app.vault.delete(b);
		expect(app.vault.getAbstractFileByPath("notes/b.md")).toBeNull();

		expect(events).toEqual([
			"create other",
			"create other/deep",
			"create other/deep/b.md",
			"modify other/deep/b.md",
			"rename other/deep/b.md→notes/b.md",
			"delete notes/b.md",
		]);
		expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["notes/a.md"]);
		expect(app.vault.getRoot().isRoot()).toBe(true);
		expect(app.vault.getAbstractFileByPath("notes")).toBeInstanceOf(TFolder);
	});

	it("process writes only when the text changes, so mtime stays put otherwise", async () => {
		const app = createApp({ "a.md": "one" });
		const file = app.vault.getFileByPath("a.md");
		if (!(file instanceof TFile)) throw new Error("missing");
		const modified = jest.fn();
		app.vault.on("modify", modified);
		const before = file.stat.mtime;

		await app.vault.process(file, (text) => text);
		expect(file.stat.mtime).toBe(before);
		expect(modified).not.toHaveBeenCalled();
		await app.vault.cachedRead(file);
		expect(file.stat.mtime).toBe(before);

		await expect(app.vault.process(file, (text) => `${text} two`)).resolves.toBe("one two");
		expect(await app.vault.read(file)).toBe("one two");
		expect(file.stat.mtime).toBeGreaterThan(before);
		expect(modified).toHaveBeenCalledTimes(1);
	});

	it("offref and off detach handlers", () => {
		const app = createApp();
		const handler = jest.fn();
		const ref = app.vault.on("create", handler);
		app.vault.offref(ref);
		app.vault.trigger("create", null);
		app.vault.on("modify", handler);
		app.vault.off("modify", handler);
		app.vault.trigger("modify", null);
		expect(handler).not.toHaveBeenCalled();
	});
});

describe("MetadataCache", () => {
	const note = [
		"---",
		"title: Alpha",
		"tags: [topic/graphs, review]",
		"---",
		"# Alpha heading",
		"",
		"See [[Beta]] and [[sub/Gamma|the gamma]] and [[Missing#Part]]. #inline-tag",
		"",
		"```",
		"[[NotALink]] #not-a-tag",
		"```",
		"",
		"Paragraph with id ^block-1",
	].join("\n");

	it("parses frontmatter, tags, links with positions, headings, sections and blocks", () => {
		const app = createApp({ "Alpha.md": note, "Beta.md": "B", "sub/Gamma.md": "G" });
		const file = app.vault.getFileByPath("Alpha.md");
		if (!file) throw new Error("missing");
		const cache = app.metadataCache.getFileCache(file);
		expect(cache?.frontmatter).toEqual({ title: "Alpha", tags: ["topic/graphs", "review"] });
		expect(cache?.headings).toEqual([expect.objectContaining({ heading: "Alpha heading", level: 1 })]);
		expect(cache?.links?.map((l) => [l.link, l.displayText])).toEqual([
			["Beta", "Beta"],
			["sub/Gamma", "the gamma"],
			["Missing#Part", "Missing#Part"],
		]);
		const beta = cache?.links?.[0];
		expect(beta?.position.start.line).toBe(6);
		expect(note.slice(beta?.position.start.offset, beta?.position.end.offset)).toBe("[[Beta]]");
		expect(cache?.tags?.map((t) => t.tag)).toEqual(["#inline-tag"]);
		expect(cache && getAllTags(cache)).toEqual(["#topic/graphs", "#review", "#inline-tag"]);
		expect(cache?.sections?.map((s) => s.type)).toEqual(["yaml", "heading", "paragraph", "code", "paragraph"]);
		expect(cache?.blocks?.["block-1"]?.position.start.line).toBe(12);
		expect(app.metadataCache.resolvedLinks["Alpha.md"]).toEqual({ "Beta.md": 1, "sub/Gamma.md": 1 });
		expect(app.metadataCache.unresolvedLinks["Alpha.md"]).toEqual({ Missing: 1 });
	});

	it("keeps resolved and unresolved links current as notes are created, changed, renamed and deleted", async () => {
		const app = createApp({ "a.md": "[[Later]] [[b]] [[sub/Deep]]", "b.md": "[[a]]", "c/x.md": "[[Later|shown]]" });
		/** The links as resolving the whole vault afresh gives them, to compare with what was kept up incrementally. */
		const afresh = () => {
			const copy = (links: Record<string, Record<string, number>>) => JSON.parse(JSON.stringify(links)) as Record<string, Record<string, number>>;
			const kept = { resolved: copy(app.metadataCache.resolvedLinks), unresolved: copy(app.metadataCache.unresolvedLinks) };
			app.metadataCache.resolveAll();
			expect(kept).toEqual({ resolved: app.metadataCache.resolvedLinks, unresolved: app.metadataCache.unresolvedLinks });
			return kept;
		};
		const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
		expect(afresh().unresolved).toEqual({ "a.md": { Later: 1, "sub/Deep": 1 }, "b.md": {}, "c/x.md": { Later: 1 } });
		// A new note resolves the links that name it, in every note that has one.
		await app.vault.create("later.md", "");
		await settle();
		expect(afresh().resolved).toEqual({ "a.md": { "later.md": 1, "b.md": 1 }, "b.md": { "a.md": 1 }, "c/x.md": { "later.md": 1 }, "later.md": {} });
		// One nearer the linking note wins for it alone; a non-Markdown file resolves a link with its extension.
		await app.vault.createFolder("sub");
		await app.vault.create("c/Later.md", "[[pic.png]]");
		await app.vault.create("sub/Deep.md", "");
		await app.vault.create("pic.png", "not really an image");
		await settle();
		expect(afresh().resolved).toEqual({ "a.md": { "later.md": 1, "b.md": 1, "sub/Deep.md": 1 }, "b.md": { "a.md": 1 }, "c/x.md": { "c/Later.md": 1 }, "later.md": {}, "c/Later.md": { "pic.png": 1 }, "sub/Deep.md": {} });
		// A changed note's links are its new ones; a rename and a delete resolve everything again.
		const b = app.vault.getFileByPath("b.md");
		if (b === null) throw new Error("no b.md");
		await app.vault.modify(b, "[[Nowhere]] [[later]]");
		await settle();
		expect(afresh().unresolved["b.md"]).toEqual({ Nowhere: 1 });
		await app.vault.rename(b, "sub/b2.md");
		await app.vault.delete(app.vault.getFileByPath("later.md") ?? b);
		await settle();
		expect(afresh().unresolved).toEqual({ "a.md": { b: 1 }, "sub/b2.md": { Nowhere: 1 }, "c/x.md": {}, "c/Later.md": {}, "sub/Deep.md": {} });
	});

	it("resolves link paths by path or by basename, preferring the source folder", () => {
		const app = createApp({ "a/Note.md": "", "b/Note.md": "", "b/c/Other.md": "", "x.md": "" });
		expect(app.metadataCache.getFirstLinkpathDest("Note", "b/c/Other.md")?.path).toBe("a/Note.md");
		expect(app.metadataCache.getFirstLinkpathDest("Note", "b/src.md")?.path).toBe("b/Note.md");
		expect(app.metadataCache.getFirstLinkpathDest("b/Note", "x.md")?.path).toBe("b/Note.md");
		expect(app.metadataCache.getFirstLinkpathDest("Other#Heading", "x.md")?.path).toBe("b/c/Other.md");
		expect(app.metadataCache.getFirstLinkpathDest("nope", "x.md")).toBeNull();
	});

	it("fires changed and resolved after a write, and processFrontMatter round-trips", async () => {
		const app = createApp({ "n.md": "---\na: 1\n---\nbody [[n2]]\n", "n2.md": "" });
		const file = app.vault.getFileByPath("n.md");
		if (!file) throw new Error("missing");
		const changed = jest.fn();
		const resolved = jest.fn();
		app.metadataCache.on("changed", changed);
		app.metadataCache.on("resolved", resolved);
		await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
			fm.b = ["x", "z"];
		});
		await new Promise((r) => setTimeout(r, 0));
		expect(await app.vault.read(file)).toBe("---\na: 1\nb:\n  - x\n  - z\n---\nbody [[n2]]\n");
		expect(changed).toHaveBeenCalledWith(file, expect.any(String), expect.objectContaining({ frontmatter: { a: 1, b: ["x", "z"] } }));
		expect(resolved).toHaveBeenCalled();
		expect(app.metadataCache.getFileCache(file)?.frontmatter).toEqual({ a: 1, b: ["x", "z"] });
	});
});

describe("Plugin and Workspace", () => {
	class TestPlugin extends Plugin {
		ticks = 0;
		override async onload(): Promise<void> {
			await Promise.resolve();
			this.addCommand({ id: "do-it", name: "Do it", callback: () => this.ticks++ });
			this.registerEvent(this.app.vault.on("create", () => this.ticks++));
			this.registerDomEvent(document.body, "click", () => this.ticks++);
			this.addRibbonIcon("dice", "Roll", () => this.ticks++);
			await this.saveData({ saved: true });
		}
	}

	it("records registrations and unloads every cleanup", async () => {
		const app = createApp();
		const plugin = await new TestPlugin(app, { id: "research-atlas", name: "T", author: "a", version: "1", minAppVersion: "1", description: "d" }).loadForTest();
		expect(plugin.commands.map((c) => c.id)).toEqual(["research-atlas:do-it"]);
		plugin.runCommand("do-it");
		await app.vault.create("x.md", "");
		document.body.click();
		expect(plugin.ticks).toBe(3);
		expect(plugin.ribbonIcons[0]?.el).toBeInstanceOf(HTMLElement);
		expect(await plugin.loadData()).toEqual({ saved: true });

		plugin.unloadForTest();
		await app.vault.create("y.md", "");
		document.body.click();
		expect(plugin.ticks).toBe(3);
		expect(plugin.commands).toEqual([]);
		expect(app.vault.listenerCount("create")).toBe(1); // the metadata cache's own listener
	});

	it("waits for layout ready on demand and records opened links", async () => {
		const app = createApp({ "a.md": "[[b]]", "b.md": "" }, { layoutReady: false });
		const ready = jest.fn();
		app.workspace.onLayoutReady(ready);
		expect(ready).not.toHaveBeenCalled();
		app.workspace.setLayoutReady();
		expect(ready).toHaveBeenCalledTimes(1);

		await app.workspace.openLinkText("b", "a.md", true);
		expect(app.workspace.openedLinks).toEqual([{ linktext: "b", sourcePath: "a.md", newLeaf: true, openViewState: undefined }]);
		expect(app.workspace.getActiveFile()?.path).toBe("b.md");
		expect(app.workspace.containerEl).toBeInstanceOf(HTMLElement);
	});
});

describe("UI helpers", () => {
	beforeEach(() => Notice.clear());

	it("records notices", () => {
		new Notice("hello");
		expect(Notice.messages).toEqual(["hello"]);
	});

	it("builds settings whose controls call back", () => {
		const container = document.createElement("div");
		const seen: unknown[] = [];
		new Setting(container).setName("Folder").setDesc("Where").addText((t) => t.setValue("x").onChange((v) => seen.push(v)));
		new Setting(container).setName("On").addToggle((t) => t.onChange((v) => seen.push(v)));
		const input = container.querySelector("input");
		if (!input) throw new Error("no input");
		input.value = "y";
		input.dispatchEvent(new Event("input"));
		container.querySelector<HTMLElement>(".checkbox-container")?.click();
		expect(seen).toEqual(["y", true]);
		expect([...container.querySelectorAll(".setting-item-name")].map((e) => e.textContent)).toEqual(["Folder", "On"]);
	});

	it("renders Markdown as text and links", async () => {
		const el = document.createElement("div");
		await MarkdownRenderer.render(new App(), "# Title\n\nSee [[Note|the note]] <b>not html</b>\n\n- item", el, "x.md", new Plugin_());
		expect(el.querySelector("h1")?.textContent).toBe("Title");
		expect(el.querySelector("a.internal-link")?.getAttribute("data-href")).toBe("Note");
		expect(el.querySelector("b")).toBeNull();
		expect(el.querySelector("p")?.textContent).toBe("See the note <b>not html</b>");
		expect(el.querySelector("li")?.textContent).toBe("item");
	});

	it("leaves Obsidian comments out, on one line or across several, but not inside code", async () => {
		const el = document.createElement("div");
		await MarkdownRenderer.render(new App(), "%% marker %%\n\nKept %%hidden%% text\n%% open\nstill hidden\nclosed %% after\n\n```\n%% code %%\n```", el, "x.md", new Plugin_());
		expect([...el.querySelectorAll("p")].map((p) => p.textContent)).toEqual(["Kept  text after"]);
		expect(el.querySelector("code")?.textContent).toBe("%% code %%");
	});

	it("renders emphasis and escapes as text, and drops block ids", async () => {
		const el = document.createElement("div");
		await MarkdownRenderer.render(new App(), "A **bold** and *italic* _too_ for \\$25 a_b_c 2*3*4 ^p1\n\n- item *x* ^p2", el, "x.md", new Plugin_());
		expect(el.querySelector("p")?.textContent).toBe("A bold and italic too for $25 a_b_c 2*3*4");
		expect([...el.querySelectorAll("strong, em")].map((e) => `${e.tagName}:${e.textContent ?? ""}`)).toEqual(["STRONG:bold", "EM:italic", "EM:too", "EM:x"]);
		expect(el.querySelector("li")?.textContent).toBe("item x");
	});

	it("renders quotes and callouts", async () => {
		const el = document.createElement("div");
		await MarkdownRenderer.render(new App(), "> [!note] Untitled page\n> The page has *no* title.\n\n> A quote\n> on two lines\nafter", el, "x.md", new Plugin_());
		expect(el.querySelector(".callout")?.getAttribute("data-callout")).toBe("note");
		expect(el.querySelector(".callout-title")?.textContent).toBe("Untitled page");
		expect(el.querySelector(".callout-content p")?.textContent).toBe("The page has no title.");
		expect(el.querySelector("blockquote p")?.textContent).toBe("A quote on two lines");
		expect(el.querySelector(":scope > p")?.textContent).toBe("after");
	});

	it("DOM helpers work", () => {
		const el = document.createElement("div");
		const child = el.createDiv({ cls: "a b", text: "hi", attr: { "data-x": 1 } });
		child.createSpan("inner");
		child.addClass("c");
		child.toggleClass("a", false);
		child.setAttr("aria-label", "L");
		expect(child.className).toBe("b c");
		expect(child.getAttribute("data-x")).toBe("1");
		expect(child.textContent).toBe("hiinner");
		child.setText("new");
		expect(child.textContent).toBe("new");
		child.detach();
		expect(el.childNodes.length).toBe(0);
		el.createEl("p").empty();
	});

	it("fuzzy search, debounce and isModEvent behave", () => {
		expect(prepareFuzzySearch("gph")("Graph")).not.toBeNull();
		expect(prepareFuzzySearch("xyz")("Graph")).toBeNull();
		jest.useFakeTimers();
		const fn = jest.fn();
		const d = debounce(fn, 100);
		d(1);
		d(2);
		jest.advanceTimersByTime(100);
		expect(fn).toHaveBeenCalledTimes(1);
		expect(fn).toHaveBeenCalledWith(2);
		jest.useRealTimers();
		expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true }))).toBe("tab");
		expect(Keymap.isModEvent(new MouseEvent("click"))).toBe(false);
	});
});

describe("loadVaultDir", () => {
	it("reads a folder into a map, skipping .obsidian", () => {
		const dir = tempDir("vault-");
		mkdirSync(join(dir, ".obsidian"));
		mkdirSync(join(dir, "sub"));
		writeFileSync(join(dir, ".obsidian", "app.json"), "{}");
		writeFileSync(join(dir, "sub", "n.md"), "N");
		expect(loadVaultDir(dir)).toEqual({ "sub/n.md": "N" });
	});
});

class Plugin_ extends Plugin {
	constructor() {
		super(new App(), { id: "x", name: "x", author: "x", version: "1", minAppVersion: "1", description: "x" });
	}
}
