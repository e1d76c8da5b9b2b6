/** @jest-environment jsdom */
import { TextDecoder } from "node:util";
import { Menu, Notice, TFile, TFolder } from "../../obsidian-stub/obsidian";
import { splitFrontmatter } from "../../../src/core";
import { parseState } from "../../../src/core/importer/importState";
import { frontmatterOf, unresolvedLinks } from "../../helpers/vaultChecks";
import { mtimes, runCommand, seedSources, startImport, type Harness } from "./harness";

const ATLAS = "Research Atlas";
const QUESTION = `${ATLAS}/Questions/Can a single training example unlock mathematical reasoning.md`;

function atlasFiles(h: Harness): Map<string, string> {
	return new Map(Object.entries(h.app.vault.snapshot()).filter(([p]) => p.startsWith(`${ATLAS}/`) && p.endsWith(".md")));
}

// The plugin runs in a window (the import yields to it); jsdom has no TextDecoder, which every browser has.
Object.assign(globalThis, { TextDecoder });

beforeEach(() => Notice.clear());

describe("the Import research pages command", () => {
	it("imports the configured source folder into the atlas folder through the Vault API", async () => {
		const h = await startImport({ ...seedSources(), "Notes/mine.md": "My own note.\n" });
		const created: string[] = [];
		h.app.vault.on("create", (f) => {
			if (f instanceof TFile) created.push(f.path);
		});
		await runCommand(h);
		const files = atlasFiles(h);
		expect(files.size).toBe(136);
		expect(created.filter((p) => p.endsWith(".md"))).toHaveLength(136);
		expect(created.filter((p) => !p.endsWith(".md"))).toEqual([`${ATLAS}/Import report.json`]);
		expect(files.has(`${ATLAS}/Clusters/Reinforcement Learning for LLMs.md`)).toBe(true);
		expect(files.has(`${ATLAS}/Import report.md`)).toBe(true);
		expect(h.app.vault.getFolderByPath(`${ATLAS}/Hubs/What does reward learning actually do to model reasoning`)).toBeInstanceOf(TFolder);
		expect(unresolvedLinks(files)).toEqual([]);
		expect(h.app.vault.snapshot()["Notes/mine.md"]).toBe("My own note.\n");
		expect(Object.keys(seedSources()).every((p) => h.app.vault.getFileByPath(p) !== null)).toBe(true);
	});

	it("shows a summary at the end, after any progress on the notes as they were written", async () => {
		const h = await startImport(seedSources());
		await runCommand(h);
		// 136 notes: a progress notice opens only if writing them takes longer than a slice (see importPace.test.ts).
		const progress = Notice.messages.slice(0, -1);
		const counts = progress.map((m) => Number(/^Research Atlas: importing… (\d+) of 136 notes done$/.exec(m)?.[1]));
		expect(counts.every((n) => n > 0 && n <= 136)).toBe(true);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		if (counts.length > 0) expect(counts.at(-1)).toBe(136);
		expect(Notice.messages.at(-1)).toBe("Research Atlas: 136 notes created, 0 updated, 0 unchanged.\n1 warning in the import report.");
	});

	it("shows only the summary for a short import", async () => {
		const files = seedSources();
		const one = Object.keys(files).find((p) => p.endsWith("002_d1559e52e0b19ab5.txt")) ?? "";
		const h = await startImport({ [one]: files[one] ?? "" });
		await runCommand(h);
		expect(Notice.messages).toEqual(["Research Atlas: 24 notes created, 0 updated, 0 unchanged."]);
	});

	it("explains a missing source folder, and an empty one, and writes nothing", async () => {
		const missing = await startImport({}, { sourceFolder: "Scraped" });
		await runCommand(missing);
		expect(Notice.messages).toEqual(['Research Atlas: the source folder "Scraped" does not exist. Choose the folder holding the pages in Settings → Research Atlas → Source folder.']);
		Notice.clear();
		const empty = await startImport({ "Notes/a.md": "a\n" }, { sourceFolder: "Notes", atlasFolder: "Notes" });
		await runCommand(empty);
		expect(Notice.messages).toEqual(['Research Atlas: the source folder "Notes" holds no pages to import. Put the scraped pages there, or choose another folder in Settings → Research Atlas → Source folder.']);
		expect(Object.keys(empty.app.vault.snapshot())).toEqual(["Notes/a.md"]);
	});

	it("names each bad file (empty, binary, not a page) in the notice and the report, and imports the rest", async () => {
		const h = await startImport({ ...seedSources(), "Sources/empty.txt": "", "Sources/todo.txt": "buy milk\ncall mum\n" });
		h.app.vault.seedBinary({ "Sources/scan.pdf": new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x00, 0x01]) });
		await runCommand(h);
		const summary = Notice.messages.at(-1) ?? "";
		expect(summary).toContain("Skipped 3 files that could not be imported (see the import report):\n• Sources/empty.txt: the file is empty; it was skipped\n");
		expect(summary).toContain("Sources/empty.txt: the file is empty; it was skipped");
		expect(summary).toContain("Sources/scan.pdf: this is a binary file, not a text page; it was skipped");
		expect(summary).toContain("Sources/todo.txt: not a literature review, cluster or topic-hub page");
		const report = h.app.vault.snapshot()[`${ATLAS}/Import report.md`] ?? "";
		for (const bad of ["Sources/empty.txt", "Sources/scan.pdf", "Sources/todo.txt"]) expect(report).toContain(`| \`${bad}\` | **rejected** |`);
		expect(frontmatterOf(h.app.vault.snapshot()[QUESTION] ?? "").type).toBe("question");
		expect(atlasFiles(h).size).toBe(136);
	});

	it("names a file the vault could not read, and imports the rest", async () => {
		const h = await startImport(seedSources());
		const read = h.app.vault.read.bind(h.app.vault);
		h.app.vault.read = (file) => (file.path === "Sources/002_d1559e52e0b19ab5.txt" ? Promise.reject(new Error("EACCES: permission denied")) : read(file));
		await runCommand(h);
		expect(Notice.messages.at(-1)).toContain("• Sources/002_d1559e52e0b19ab5.txt: the file could not be read (EACCES: permission denied); it was skipped");
		expect(atlasFiles(h).has(`${ATLAS}/Reviews/Reinforcement learning and reasoning.md`)).toBe(true);
	});

	it("records each note's size and modification time as Obsidian tells them once it is created", async () => {
		const h = await startImport(seedSources());
		await runCommand(h);
		const record = parseState(h.app.vault.snapshot()[`${ATLAS}/Import report.json`] ?? null);
		const paths = [...atlasFiles(h).keys()];
		expect(Object.keys(record?.notes ?? {}).sort()).toEqual(paths.sort());
		for (const path of paths) {
			const file = h.app.vault.getFileByPath(path);
			expect(record?.notes[path]?.split(" ").slice(1)).toEqual([String(file?.stat.size), String(file?.stat.mtime)]);
		}
	});

	it("writes nothing on a second run: contents and modification times unchanged", async () => {
		const h = await startImport(seedSources());
		await runCommand(h);
		const before = h.app.vault.snapshot();
		const times = mtimes(h.app);
		let modified = 0;
		h.app.vault.on("modify", () => modified++);
		Notice.clear();
		await runCommand(h);
		expect(h.app.vault.snapshot()).toEqual(before);
		expect(mtimes(h.app)).toEqual(times);
		expect(modified).toBe(0);
		expect(Notice.messages.at(-1)).toBe("Research Atlas: nothing changed (136 notes up to date).\n1 warning in the import report.");
	});

	it("keeps a note the user edited, reports it, and refreshes only its properties through processFrontMatter", async () => {
		const h = await startImport(seedSources());
		await runCommand(h);
		const file = h.app.vault.getFileByPath(QUESTION);
		if (file === null) throw new Error("no question note");
		const edited = (await h.app.vault.read(file)).replace("## In the atlas", "My reading notes.\n\n## In the atlas");
		await h.app.vault.modify(file, edited);
		const processed: string[] = [];
		const original = h.app.fileManager.processFrontMatter.bind(h.app.fileManager);
		h.app.fileManager.processFrontMatter = (f, fn, options) => {
			processed.push(f.path);
			return original(f, fn, options);
		};
		for (const page of ["Sources/003_8bbdbf8163614206.txt", "Sources/004_56aa102100d15266.txt"]) {
			const source = h.app.vault.getFileByPath(page);
			if (source === null) throw new Error(page);
			await h.app.vault.process(source, (text) => text.replace("Does minimal data suffice", "Does very little data suffice"));
		}
		Notice.clear();
		await runCommand(h);
		const after = h.app.vault.snapshot()[QUESTION] ?? "";
		expect(processed).toEqual([QUESTION]);
		expect(splitFrontmatter(after).body).toBe(splitFrontmatter(edited).body);
		expect(frontmatterOf(after).description).toMatch(/^Does very little data suffice/);
		expect(Notice.messages.at(-1)).toContain("1 note you edited: properties refreshed, your text kept.");
		const report = h.app.vault.snapshot()[`${ATLAS}/Import report.md`] ?? "";
		expect(report).toContain(`\`${QUESTION}\`: you edited its text; only its generated properties were refreshed`);
	});

	it("never overwrites a note whose generated properties the user edited", async () => {
		const h = await startImport(seedSources());
		await runCommand(h);
		const file = h.app.vault.getFileByPath(QUESTION);
		if (file === null) throw new Error("no question note");
		await h.app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
			fm.description = "My own summary.";
		});
		const mine = h.app.vault.snapshot()[QUESTION];
		const source = h.app.vault.getFileByPath("Sources/004_56aa102100d15266.txt");
		if (source === null) throw new Error("no hub page");
		await h.app.vault.process(source, (text) => text.replace("Does minimal data suffice", "Does very little data suffice"));
		Notice.clear();
		await runCommand(h);
		expect(h.app.vault.snapshot()[QUESTION]).toBe(mine);
		expect(Notice.messages.at(-1)).toContain("1 note you edited kept as it is (see the import report).");
	});

	it("refuses a second import while one is running", async () => {
		const h = await startImport(seedSources());
		h.stub.runCommand("import-research-pages");
		h.stub.runCommand("import-research-pages");
		await h.feature.lastRun;
		expect(Notice.messages).toContain("Research Atlas: an import is already running.");
		expect(atlasFiles(h).size).toBe(136);
	});
});

describe("the file-menu item", () => {
	function menuFor(h: Harness, path: string): Menu {
		const node = h.app.vault.getAbstractFileByPath(path);
		const menu = new Menu();
		h.app.workspace.trigger("file-menu", menu, node, "file-explorer");
		return menu;
	}

	it("imports a chosen folder", async () => {
		const h = await startImport({ ...seedSources("Elsewhere"), "Sources/.keep": "" }, { sourceFolder: "Sources" });
		const item = menuFor(h, "Elsewhere").items.find((i) => i.title === "Import into Research Atlas");
		expect(item).toBeDefined();
		void item?.callback?.({} as MouseEvent);
		await h.feature.lastRun;
		expect(atlasFiles(h).size).toBe(136);
	});

	it("imports a chosen file", async () => {
		const h = await startImport(seedSources());
		void menuFor(h, "Sources/002_d1559e52e0b19ab5.txt").items[0]?.callback?.({} as MouseEvent);
		await h.feature.lastRun;
		expect([...atlasFiles(h).keys()].filter((p) => p.includes("/Reviews/"))).toEqual([`${ATLAS}/Reviews/What RL actually does at the token level.md`]);
	});

	it("is not offered on Markdown notes (the atlas's own notes are not pages)", async () => {
		const h = await startImport({ "Notes/a.md": "a\n" });
		expect(menuFor(h, "Notes/a.md").items).toEqual([]);
	});
});
