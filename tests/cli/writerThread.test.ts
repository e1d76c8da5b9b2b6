import { readFileSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { generatePages } from "../../bench/corpus";
import { bundleWorker } from "../../scripts/inlineWorkerPlugin.mjs";
import { WRITER_WORKER } from "../../scripts/writerWorkerPlugin.mjs";
import { FsVault } from "../../src/cli/fsVault";
import { nodeYaml } from "../../src/cli/yaml";
import { importPages, isUntouched, MemoryVault, renderNote, type InputFile, type YamlPort } from "../../src/core";
import { pairwiseYaml } from "../../src/core/markdown/yaml";
import { loadVaultDir } from "../helpers/memoryApp";
import { loadSeeds } from "../helpers/seeds";
import { tempDir } from "../helpers/tempDir";

/** The writer thread's bundle, built as the tool's build builds it. */
let source = "";
beforeAll(async () => {
	source = (await bundleWorker(WRITER_WORKER)).code;
});

/** The import record without the size and modification time of each entry (the disk's, or a memory vault's counter). */
function withoutStats(record: string | undefined): string | undefined {
	return record?.replace(/("[^"\n]*": "[0-9a-f-]+) \d+ [\d.]+"/g, "$1\"");
}

const NOTES: { path: string; frontmatter: Record<string, unknown>; body: string }[] = [
	{
		path: "Questions/Can RL: \"teach\" #reasoning [really].md",
		frontmatter: { type: "question", title: 'Can RL: "teach" #reasoning [really]? <b>', aliases: ['Can RL: "teach" #reasoning [really]? <b>'], tags: ["atlas/question", "cluster/rl/rlvr"], order: 3, stub: false },
		body: "Does it — E026, café ✓ 🙂?\n\n## In the atlas\n\n- [[A]] › [[B]]",
	},
	{ path: "Episodes/E026.md", frontmatter: { type: "episode", title: "E026", slug: undefined, sources: [], stub: true, gaps: null }, body: "*Episode E026: no title is known.*\n" },
	// Longer than the writer's first encoding buffer: it grows, and the next note still lands whole.
	{ path: "Episodes/E100.md", frontmatter: { type: "episode", title: "A long one" }, body: "- quoted passage ✓ 🙂\n".repeat(6000) },
	// A lone surrogate (text cut between the halves of a pair): written as any other text is, as U+FFFD.
	{ path: "Q/Cut.md", frontmatter: { type: "question", title: "Cut \ud83d" }, body: "Cut \ud83d here" },
];

/** A body as the disk holds it: each lone surrogate as U+FFFD, as UTF-8 writes it. */
function asWritten(body: string): string {
	return body.replace(/\p{Surrogate}/gu, "\ufffd");
}

describe("the writer thread that renders notes", () => {
	it.each([
		["with room to spare", Infinity, true],
		["past its limit, which asks the import to render the next ones itself", 0, false],
	])("writes each new note it is handed as the import renders it, and answers with its fingerprint (%s)", async (_, renderHereAfter, canTake) => {
		const dir = tempDir("atlas-writer-");
		const vault = new FsVault(dir, { writerSource: source, renderHereAfter });
		const creator = vault.noteCreator;
		if (creator === undefined) throw new Error("no note creator");
		expect(creator.yaml).toBe(nodeYaml);
		expect(creator.canTake()).toBe(canTake);
		const yaml = pairwiseYaml(nodeYaml);
		const created = await Promise.all(NOTES.map((n) => creator.create(n.path, n.frontmatter, n.body)));
		for (const [i, n] of NOTES.entries()) {
			// The body travels as the bytes it is written as, and is fingerprinted as written: for a body with a lone
			// surrogate, what a later import reads back (the import's own rendering hashes the string it holds).
			const expected = renderNote(n.frontmatter, asWritten(n.body), yaml);
			const file = join(dir, ...n.path.split("/"));
			expect(readFileSync(file)).toEqual(Buffer.from(expected.content));
			expect(created[i]?.fingerprint).toBe(expected.fingerprint);
			expect(isUntouched(readFileSync(file, "utf8"))).toBe(true);
			// The stat it answers with is the file's, as the disk tells it.
			const disk = statSync(file);
			expect(created[i]?.stat).toEqual({ size: disk.size, mtime: disk.mtimeMs });
			expect(await vault.stat(n.path)).toEqual({ size: disk.size, mtime: disk.mtimeMs });
		}
		expect(asWritten(NOTES[3]?.body ?? "")).not.toBe(NOTES[3]?.body);
	});

	it("never replaces a file that is there: the note is refused with the system's code, the file left as it was", async () => {
		const dir = tempDir("atlas-writer-");
		writeFileSync(join(dir, "Mine.md"), "my own text");
		const vault = new FsVault(dir, { writerSource: source, renderHereAfter: Infinity });
		await expect(vault.noteCreator?.create("Mine.md", { type: "question", title: "Mine" }, "generated")).rejects.toMatchObject({ code: "EEXIST" });
		await expect(vault.noteCreator?.create("../Outside.md", { type: "question", title: "Outside" }, "generated")).rejects.toThrow(/outside the vault/);
		expect(readFileSync(join(dir, "Mine.md"), "utf8")).toBe("my own text");
	});

	it("has no note creator without its bundle: the writer then only writes", () => {
		expect(new FsVault(tempDir("atlas-writer-"), { writerSource: null }).noteCreator).toBeUndefined();
	});
});

describe("an import through the rendering writer", () => {
	const inputs: InputFile[] = [...loadSeeds(), ...generatePages(40, 3)];
	let expected: Map<string, string>;
	beforeAll(async () => {
		const memory = new MemoryVault();
		await importPages(inputs, memory, { root: "", yaml: nodeYaml });
		expected = memory.files;
	});

	it.each([
		["every note rendered on the writer thread", Infinity],
		["every note rendered on the import's thread", 0],
		["the two mixed as the writer falls behind", 24],
	])("writes the vault the import writes itself, then nothing on a re-run (%s)", async (_, renderHereAfter) => {
		const dir = tempDir("atlas-writer-");
		const result = await importPages(inputs, new FsVault(dir, { writerSource: source, renderHereAfter }), { root: "", yaml: nodeYaml });
		expect(result.created).toHaveLength(expected.size - 1);
		const written = new Map(Object.entries(loadVaultDir(dir)));
		expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
		for (const [path, text] of expected) {
			if (path.endsWith(".json")) expect(withoutStats(written.get(path))).toBe(withoutStats(text));
			else expect(written.get(path)).toBe(text);
		}
		const again = await importPages(inputs, new FsVault(dir, { writerSource: source, renderHereAfter }), { root: "", yaml: nodeYaml });
		expect(again.created.length + again.updated.length).toBe(0);
		expect(again.unchanged).toHaveLength(expected.size - 1);
	});

	it.each([
		["every note rendered on the writer thread", Infinity],
		["the notes rendered on both threads", 24],
	])("finds the gaps and their suggestions on the writer thread, and writes the same vault (%s)", async (_, renderHereAfter) => {
		const dir = tempDir("atlas-writer-");
		const vault = new FsVault(dir, { writerSource: source, renderHereAfter });
		const analyst = vault.proseAnalyst;
		if (analyst === undefined) throw new Error("no prose analyst");
		const asked: string[] = [];
		const result = await importPages(inputs, vault, {
			root: "",
			yaml: nodeYaml,
			proseAnalyst: (codePattern) => {
				const thread = analyst(codePattern);
				return {
					add: (batch) => thread.add(batch),
					analyse: (corpus) => {
						asked.push(`${corpus.prose.length / 2} pieces of prose`);
						return thread.analyse(corpus);
					},
				};
			},
		});
		expect(asked).toHaveLength(1);
		// The gaps came back from the thread, suggestions with them.
		const gaps = result.atlas?.reviews.flatMap((r) => r.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.prose.gaps))) ?? [];
		expect(gaps.filter((g) => g.suggestion !== null).length).toBeGreaterThan(0);
		const written = new Map(Object.entries(loadVaultDir(dir)));
		expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
		for (const [path, text] of expected) {
			if (path.endsWith(".json")) expect(withoutStats(written.get(path))).toBe(withoutStats(text));
			else expect(written.get(path)).toBe(text);
		}
	});

	it("fails the import with the thread's reason when the analysis fails there", async () => {
		const vault = new FsVault(tempDir("atlas-writer-"), { writerSource: source });
		const analyst = vault.proseAnalyst;
		if (analyst === undefined) throw new Error("no prose analyst");
		// A pattern the thread cannot compile (the import's own thread is given a good one, so only the thread fails).
		await expect(importPages(loadSeeds(), vault, { root: "", yaml: nodeYaml, proseAnalyst: () => analyst("E(") })).rejects.toThrow(/could not analyse the prose: .*regular expression/i);
	});

	it("has no prose analyst without its bundle", () => {
		expect(new FsVault(tempDir("atlas-writer-"), { writerSource: null }).proseAnalyst).toBeUndefined();
	});

	it("renders every note itself when its YAML is not the one the writer renders with", async () => {
		const vault = new FsVault(tempDir("atlas-writer-"), { writerSource: source, renderHereAfter: Infinity });
		const create = jest.spyOn(vault.noteCreator ?? { create: () => Promise.reject(new Error("no note creator")) }, "create");
		const otherYaml: YamlPort = { ...nodeYaml };
		const result = await importPages(loadSeeds(), vault, { root: "", yaml: otherYaml });
		expect(result.created.length).toBeGreaterThan(100);
		expect(create).not.toHaveBeenCalled();
	});
});
