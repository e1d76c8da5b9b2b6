import { importPages, MemoryVault, type ImportOptions } from "../../../src/core";
import { parseState } from "../../../src/core/importer/importState";
import { nodeYaml } from "../../../src/cli/yaml";
import { loadSeeds } from "../../helpers/seeds";

const options: ImportOptions = { root: "Atlas", yaml: nodeYaml };
const RECORD = "Atlas/Import report.json";
const QUESTION = "Atlas/Questions/Can a single training example unlock mathematical reasoning.md";

async function imported(): Promise<MemoryVault> {
	const vault = new MemoryVault();
	await importPages(loadSeeds(), vault, options);
	return vault;
}

describe("the import record (Import report.json)", () => {
	it("lists every note written with the hash of its text, and what the import said", async () => {
		const vault = new MemoryVault();
		const first = await importPages(loadSeeds(), vault, options);
		const record = parseState(vault.files.get(RECORD) ?? null);
		const notes = [...vault.files.keys()].filter((p) => p.endsWith(".md")).sort();
		expect(Object.keys(record?.notes ?? {}).sort()).toEqual(notes);
		expect(record?.counts).toEqual(first.counts);
		expect(record?.problems).toEqual(first.problems);
		expect(record?.rejected).toEqual([]);
	});

	it("keeps each note's size and time: as its write answered for a created note, as the vault tells it for an updated one", async () => {
		let asked: string[] = [];
		const vault = new (class extends MemoryVault {
			override stat(path: string) {
				asked.push(path);
				return super.stat(path);
			}
		})();
		await importPages(loadSeeds(), vault, options);
		// Every note was created, and each create answered with its stat: the vault was asked for none of them.
		expect(asked).toEqual([]);
		const recorded = (path: string): string => parseState(vault.files.get(RECORD) ?? null)?.notes[path] ?? "";
		const stamp = async (path: string): Promise<string> => {
			const stat = await MemoryVault.prototype.stat.call(vault, path);
			return `${stat?.size} ${stat?.mtime}`;
		};
		for (const path of [...vault.files.keys()].filter((p) => p.endsWith(".md"))) expect(recorded(path).split(" ").slice(1).join(" ")).toBe(await stamp(path));
		// A page changed upstream: its notes are updated in place (a replace answers no stat), and the vault is asked.
		const seeds = loadSeeds().map((s) => ({ ...s, text: s.text.replace("Does minimal", "Does a minimal") }));
		asked = [];
		const changed = await importPages(seeds, vault, options);
		expect(changed.updated.length).toBeGreaterThan(0);
		for (const path of changed.updated) {
			expect(asked).toContain(path);
			expect(recorded(path).split(" ").slice(1).join(" ")).toBe(await stamp(path));
		}
	});

	it("lets an unchanged re-run confirm the vault without rebuilding the atlas, saying what the first run said", async () => {
		const vault = new MemoryVault();
		const first = await importPages(loadSeeds(), vault, options);
		const before = new Map(vault.mtimes);
		const again = await importPages(loadSeeds(), vault, options);
		expect(again.atlas).toBeNull();
		expect([again.created, again.updated, again.refreshed, again.kept]).toEqual([[], [], [], []]);
		expect(again.unchanged).toHaveLength(136);
		expect({ counts: again.counts, problems: again.problems, rejected: again.rejected }).toEqual({ counts: first.counts, problems: first.problems, rejected: first.rejected });
		expect(vault.mtimes).toEqual(before);
	});

	it("checks sizes and modification times first, and reads a note whose time moved without its text changing", async () => {
		const vault = await imported();
		const written = vault.mtimes.get(QUESTION);
		vault.mtimes.set(QUESTION, 1e9);
		const touched = await importPages(loadSeeds(), vault, options);
		expect(touched.atlas).toBeNull();
		expect(vault.mtimes.get(QUESTION)).toBe(1e9);
		// Same size, same time, other text: trusted, as git trusts its index; nothing is written either way.
		const text = vault.files.get(QUESTION) ?? "";
		vault.files.set(QUESTION, text.replace("Does minimal", "Does Minimal"));
		vault.mtimes.set(QUESTION, written ?? 0);
		expect((await importPages(loadSeeds(), vault, options)).atlas).toBeNull();
		expect(vault.files.get(QUESTION)).toContain("Does Minimal");
	});

	it("takes the full path when a page changed upstream, and records the new notes", async () => {
		const vault = await imported();
		const seeds = loadSeeds().map((s) => ({ ...s, text: s.text.replaceAll("Does minimal data suffice", "Does almost no data suffice") }));
		const result = await importPages(seeds, vault, options);
		expect(result.atlas).not.toBeNull();
		expect(result.updated).toContain(QUESTION);
		expect(parseState(vault.files.get(RECORD) ?? null)?.notes[QUESTION]).toBeDefined();
		const again = await importPages(seeds, vault, options);
		expect(again.atlas).toBeNull();
	});

	it("notices a note the user edited or deleted since, and deals with it as a full import does", async () => {
		const vault = await imported();
		vault.set(QUESTION, `${vault.files.get(QUESTION) ?? ""}\nMy notes.\n`);
		const edited = await importPages(loadSeeds(), vault, options);
		expect(edited.atlas).not.toBeNull();
		expect(edited.kept.map((k) => k.path)).toEqual([QUESTION]);
		expect(vault.files.get(QUESTION)).toContain("My notes.");
		// While the user's edit stands, every run looks at it again and says so.
		const still = await importPages(loadSeeds(), vault, options);
		expect(still.kept.map((k) => k.path)).toEqual([QUESTION]);

		vault.files.delete(QUESTION);
		const deleted = await importPages(loadSeeds(), vault, options);
		expect(deleted.created).toEqual([QUESTION]);
	});

	it("does not trust a record written by another version of the importer, and a no-op run leaves it as it is", async () => {
		const vault = new MemoryVault();
		await importPages(loadSeeds(), vault, { ...options, generator: "1.0.0" });
		const record = vault.files.get(RECORD);
		const upgraded = await importPages(loadSeeds(), vault, { ...options, generator: "1.1.0" });
		expect(upgraded.atlas).not.toBeNull();
		expect(upgraded.created.length + upgraded.updated.length).toBe(0);
		expect(vault.files.get(RECORD)).toBe(record);
		// Once the new version writes, its record replaces the old one and vouches for the next run.
		const seeds = loadSeeds().map((s) => ({ ...s, text: s.text.replaceAll("Does minimal data suffice", "Does almost no data suffice") }));
		expect((await importPages(seeds, vault, { ...options, generator: "1.1.0" })).updated).toContain(QUESTION);
		expect((await importPages(seeds, vault, { ...options, generator: "1.1.0" })).atlas).toBeNull();
		expect((await importPages(seeds, vault, { ...options, generator: "1.0.0" })).atlas).not.toBeNull();
	});

	it("never overwrites a file of the user's at the record's path, and never trusts it", async () => {
		const vault = new MemoryVault();
		vault.set(RECORD, '{"my": "settings"}\n');
		await importPages(loadSeeds(), vault, options);
		const again = await importPages(loadSeeds(), vault, options);
		expect(again.atlas).not.toBeNull();
		expect(again.created.length + again.updated.length).toBe(0);
		expect(vault.files.get(RECORD)).toBe('{"my": "settings"}\n');
	});
});
