import { CitationIndex, GAP_MARK, importPages, MemoryVault, classifyLines } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { loadSeeds } from "../../helpers/seeds";

describe("the imported vault, read by the citation index", () => {
	const vault = new MemoryVault();
	const index = new CitationIndex({ codePattern: "E\\d{3}", episodeFolder: "Episodes" });
	beforeAll(async () => {
		await importPages(loadSeeds(), vault, { root: "", yaml: nodeYaml });
		for (const [path, text] of vault.files) if (path.endsWith(".md")) index.setNote(path, text);
	});

	it("counts only the passages that cite: quotes in episode notes, the episode index and the report are not citations", () => {
		const citing = new Set(index.codes().flatMap((code) => index.groups(code).map((g) => g.path)));
		expect([...citing].every((path) => path.startsWith("Reviews/"))).toBe(true);
		// Code by code, the citing notes are the reviews whose text names the code (their passages and anchoring lists).
		const reviews = [...vault.files].filter(([path]) => path.startsWith("Reviews/"));
		for (const code of index.codes()) {
			const naming = reviews.filter(([, text]) => text.slice(text.indexOf("\n---", 3)).includes(code)).map(([path]) => path);
			expect([code, index.groups(code).map((g) => g.path)]).toEqual([code, naming.sort()]);
		}
		// E009: three passages and two anchoring entries, not the episode notes that quote them or the index listing it.
		expect(index.count("E009", "occurrences")).toBe(5);
	});

	it("still shows the quotes and listings, between comment markers the reading view hides", () => {
		const e009 = vault.files.get("Episodes/E009.md") ?? "";
		const kinds = classifyLines(e009);
		const quote = kinds.find((l) => l.text.startsWith("- Two silent bugs"));
		expect(quote?.kind).toBe("generated");
		expect(e009).toMatch(/^%% research-atlas:quoted start.*%%$/m);
		expect(e009).toMatch(/^%% research-atlas:quoted end %%$/m);
		expect(vault.files.get("All episodes.md")).toMatch(/\| \[\[E009\]\] \|/);
	});

	it("marks the scraped page's gaps in quoted sentences as in the passage", () => {
		const e009 = vault.files.get("Episodes/E009.md") ?? "";
		expect(e009).toContain(`at half the ${GAP_MARK} E009.`);
		const review = vault.files.get("Reviews/Reinforcement learning and reasoning.md") ?? "";
		expect(review).toContain(`at half the ${GAP_MARK}[^gap3] [[E009]]`);
	});
});
