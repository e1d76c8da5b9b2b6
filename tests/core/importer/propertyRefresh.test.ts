import { changeFrontmatter, importPages, renderNote, MemoryVault, OWNED_KEYS, HASH_KEY, splitFrontmatter, type WriteAction } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { frontmatterOf } from "../../helpers/vaultChecks";
import { loadSeeds } from "../../helpers/seeds";

const options = { root: "", yaml: nodeYaml };
const QUESTION = "Questions/Can a single training example unlock mathematical reasoning.md";

/** The seeds with one card description changed upstream. */
function changedSeeds(): ReturnType<typeof loadSeeds> {
	return loadSeeds().map((s) => ({ ...s, text: s.text.replace(/Does minimal data suffice/g, "Does very little data suffice") }));
}

async function imported(): Promise<MemoryVault> {
	const vault = new MemoryVault();
	await importPages(loadSeeds(), vault, options);
	return vault;
}

/** Adds `lines` to a note's frontmatter, as the Properties panel would. */
function withProperties(text: string, lines: string): string {
	return text.replace(/\n---\n/, `\n${lines}\n---\n`);
}

describe("re-import of a note whose body the user edited", () => {
	it("refreshes only the generated properties: the body and every user property are kept", async () => {
		const vault = await imported();
		const original = vault.files.get(QUESTION) ?? "";
		const edited = withProperties(original, "status: reading").replace("## In the atlas", "My notes: try this on GSM8K.\n\n## In the atlas");
		vault.set(QUESTION, edited);
		const result = await importPages(changedSeeds(), vault, options);
		const after = vault.files.get(QUESTION) ?? "";
		expect(result.refreshed).toEqual([QUESTION]);
		expect(splitFrontmatter(after).body).toBe(splitFrontmatter(edited).body);
		const fm = frontmatterOf(after);
		expect(fm.description).toMatch(/^Does very little data suffice/);
		expect(fm.status).toBe("reading");
		expect(fm.title).toBe("Can a single training example unlock mathematical reasoning?");
		const report = vault.files.get("Import report.md") ?? "";
		expect(report).toContain(`\`${QUESTION}\`: you edited its text; only its generated properties were refreshed; the page changed upstream, and its new text was not written over yours`);
	});

	it("keeps the user's own tags and aliases beside the generated ones", async () => {
		const vault = await imported();
		const original = vault.files.get(QUESTION) ?? "";
		const edited = original
			.replace("  - atlas/question\n", "  - atlas/question\n  - to-read\n")
			.replace("aliases:\n  - Can a single", "aliases:\n  - One-shot RLVR\n  - Can a single")
			.replace("## In the atlas", "Mine.\n\n## In the atlas");
		vault.set(QUESTION, edited);
		await importPages(changedSeeds(), vault, options);
		const fm = frontmatterOf(vault.files.get(QUESTION) ?? "");
		expect(fm.tags).toEqual([
			"atlas/question",
			"cluster/reinforcement-learning-for-llms/rl-with-verifiable-rewards-rlvr",
			"hub/what-does-reward-learning-actually-do-to-model-reasoning/what-rlvr-actually-does",
			"to-read",
		]);
		expect(fm.aliases).toEqual(["Can a single training example unlock mathematical reasoning?", "One-shot RLVR"]);
	});

	it("then writes nothing on the next run (contents and modification times unchanged) and still reports the edit", async () => {
		const vault = await imported();
		vault.set(QUESTION, (vault.files.get(QUESTION) ?? "").replace("## In the atlas", "Mine.\n\n## In the atlas"));
		await importPages(changedSeeds(), vault, options);
		const files = new Map(vault.files);
		const mtimes = new Map(vault.mtimes);
		const again = await importPages(changedSeeds(), vault, options);
		expect([again.created, again.updated, again.refreshed]).toEqual([[], [], []]);
		expect(again.kept).toEqual([{ path: QUESTION, reason: "you edited its text; it was kept as it is; the page changed upstream, and its new text was not written over yours" }]);
		expect(vault.files).toEqual(files);
		expect(vault.mtimes).toEqual(mtimes);
	});

	it("says nothing about upstream when only the user's side changed", async () => {
		const vault = await imported();
		vault.set(QUESTION, (vault.files.get(QUESTION) ?? "").replace("## In the atlas", "Mine.\n\n## In the atlas"));
		const result = await importPages(loadSeeds(), vault, options);
		expect(result.kept).toEqual([{ path: QUESTION, reason: "you edited its text; it was kept as it is" }]);
		expect(result.refreshed).toEqual([]);
	});
});

describe("re-import of a note where the user only added properties", () => {
	it("writes the new import and keeps the user's properties and tags", async () => {
		const vault = await imported();
		const edited = withProperties(vault.files.get(QUESTION) ?? "", "status: reading\nrating: 4").replace("  - atlas/question\n", "  - atlas/question\n  - to-read\n");
		vault.set(QUESTION, edited);
		const result = await importPages(changedSeeds(), vault, options);
		expect(result.updated).toContain(QUESTION);
		const after = vault.files.get(QUESTION) ?? "";
		expect(splitFrontmatter(after).body).toMatch(/^Does very little data suffice/);
		expect(frontmatterOf(after)).toMatchObject({ status: "reading", rating: 4, description: expect.stringMatching(/^Does very little/) as unknown });
		expect(frontmatterOf(after).tags).toContain("to-read");
		expect(vault.files.get("Import report.md")).toContain(`\`${QUESTION}\`: updated; your own properties were kept`);
		const mtimes = new Map(vault.mtimes);
		const again = await importPages(changedSeeds(), vault, options);
		expect([again.updated, again.refreshed, again.kept]).toEqual([[], [], []]);
		expect(vault.mtimes).toEqual(mtimes);
	});
});

describe("re-import of a note whose generated properties the user edited", () => {
	it.each([
		["a changed description", (t: string) => t.replace("description: Does minimal data", "description: My own summary. Does minimal data")],
		["a removed generated tag", (t: string) => t.replace("  - atlas/question\n", "")],
		["a deleted source list", (t: string) => t.replace(/sources:\n(?: {2}- .*\n)+/, "")],
	])("keeps the whole note as it is after %s", async (_what, edit) => {
		const vault = await imported();
		const edited = edit(vault.files.get(QUESTION) ?? "");
		expect(edited).not.toBe(vault.files.get(QUESTION));
		vault.set(QUESTION, edited);
		const result = await importPages(changedSeeds(), vault, options);
		expect(vault.files.get(QUESTION)).toBe(edited);
		expect(result.kept).toContainEqual({ path: QUESTION, reason: "you edited its generated properties; your note was kept as it is and the new import was not written" });
	});

	it("keeps a note with invalid YAML, or one fingerprinted before property refresh existed, whole", async () => {
		const vault = await imported();
		const broken = (vault.files.get(QUESTION) ?? "").replace("type: question", "type: [question");
		vault.set(QUESTION, broken);
		const legacyPath = "Episodes/E026.md";
		const legacy = (vault.files.get(legacyPath) ?? "").replace(/^(atlas_hash: [0-9a-f]+)-[0-9a-f]+-[0-9a-f]+$/m, "$1").replace("## Summaries", "Mine.\n\n## Summaries");
		vault.set(legacyPath, legacy);
		const result = await importPages(changedSeeds(), vault, options);
		expect(vault.files.get(QUESTION)).toBe(broken);
		expect(vault.files.get(legacyPath)).toBe(legacy);
		expect(result.kept.map((k) => k.path).sort()).toEqual([legacyPath, QUESTION]);
	});
});

describe("changeFrontmatter (the guard used inside processFrontMatter)", () => {
	const note = renderNote({ type: "question", title: "T", tags: ["atlas/question"], description: "old", gaps: 2 }, "Body\n", nodeYaml).content;
	const fm = frontmatterOf(note);
	const action = (owned: string): Extract<WriteAction, { kind: "update-frontmatter" }> => ({
		kind: "update-frontmatter",
		path: "T.md",
		previous: note,
		owned,
		set: { description: "new" },
		remove: ["gaps"],
		reason: "",
	});

	it("sets and removes the planned keys when the owned properties are as planned", () => {
		const owned = /^atlas_hash: [0-9a-f]+-([0-9a-f]+)-/m.exec(note)?.[1] ?? "";
		const copy = { ...fm, mine: 1 };
		expect(changeFrontmatter(action(owned))(copy)).toBe(true);
		expect(copy).toEqual({ type: "question", title: "T", tags: ["atlas/question"], description: "new", atlas_hash: fm[HASH_KEY], mine: 1 });
	});

	it("changes nothing when they moved since planning", () => {
		const copy = { ...fm };
		expect(changeFrontmatter(action("00000000000000"))(copy)).toBe(false);
		expect(copy).toEqual(fm);
	});
});

describe("OWNED_KEYS", () => {
	it("names every property the importer writes, so no generated key is mistaken for the user's", async () => {
		const vault = await imported();
		const used = new Set([...vault.files.values()].flatMap((text) => Object.keys(frontmatterOf(text))));
		used.delete(HASH_KEY);
		expect([...used].filter((k) => !OWNED_KEYS.includes(k))).toEqual([]);
	});
});
