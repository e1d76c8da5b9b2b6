import { importPages, MemoryVault, splitFrontmatter, type ImportResult } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { frontmatterOf, unresolvedLinks } from "../../helpers/vaultChecks";
import { loadSeeds } from "../../helpers/seeds";

const options = { root: "", yaml: nodeYaml };

async function importSeeds(vault = new MemoryVault(), root = ""): Promise<{ vault: MemoryVault; result: ImportResult }> {
	const result = await importPages(loadSeeds(), vault, { ...options, root });
	return { vault, result };
}

describe("importPages: the vault written from the seeds", () => {
	it("writes one note per entity, with the expected counts per type", async () => {
		const { result, vault } = await importSeeds();
		expect(result.counts).toEqual({ cluster: 1, subtopic: 8, hub: 1, section: 8, question: 86, review: 3, episode: 25, index: 3, report: 1 });
		expect(result.created).toHaveLength(136);
		expect([...vault.files.keys()].filter((p) => p.endsWith(".md"))).toHaveLength(136);
		expect([...vault.files.keys()].filter((p) => !p.endsWith(".md"))).toEqual(["Import report.json"]);
		expect(result.rejected).toEqual([]);
	});

	it("gives every note type, exact title, tags, sources and a stable id; aliases where the file name differs", async () => {
		const { vault } = await importSeeds();
		for (const [path, content] of vault.files) {
			if (!path.endsWith(".md")) continue;
			const fm = frontmatterOf(content);
			expect(typeof fm.type).toBe("string");
			expect(typeof fm.title).toBe("string");
			expect(typeof fm.atlas_id).toBe("string");
			expect(Array.isArray(fm.tags)).toBe(true);
			const base = path.split("/").pop()?.replace(/\.md$/, "");
			if (base !== fm.title) expect(fm.aliases).toEqual([fm.title]);
		}
		const question = frontmatterOf(vault.files.get("Questions/Can model confidence alone replace external answer verification.md") ?? "");
		expect(question).toMatchObject({
			type: "question",
			title: "Can model confidence alone replace external answer verification?",
			aliases: ["Can model confidence alone replace external answer verification?"],
			tags: [
				"atlas/question",
				"cluster/reinforcement-learning-for-llms/rl-with-verifiable-rewards-rlvr",
				"hub/what-does-reward-learning-actually-do-to-model-reasoning/extending-rlvr-beyond-math-code",
			],
			sources: ["003_8bbdbf8163614206.txt", "004_56aa102100d15266.txt"],
			atlas_id: "question:Can model confidence alone replace external answer verification?",
		});
	});

	it("writes only wiki links that resolve, block references included", async () => {
		const { vault } = await importSeeds();
		expect(unresolvedLinks(vault.files)).toEqual([]);
	});

	it("keeps episode codes readable as written and links them to their episode notes", async () => {
		const { vault } = await importSeeds();
		const review = vault.files.get("Reviews/Reinforcement learning and post-training for reasoning.md") ?? "";
		expect(review).toContain("for around \\$25 on a 32B model [[E026]]. The AlphaGo analogy");
		// 14 citations in the prose and 6 anchoring episodes.
		expect(review.match(/\[\[E\d{3}\]\]/g)).toHaveLength(20);
		const episode = vault.files.get("Episodes/E026.md") ?? "";
		expect(frontmatterOf(episode)).toMatchObject({ code: "E026", stub: false, citations: 3, cited_in: 3 });
		expect(episode).toContain("([[Reinforcement learning and post-training for reasoning#^p1|What RL actually does]])");
		expect(frontmatterOf(vault.files.get("Episodes/E007.md") ?? "")).toMatchObject({ title: "E007", stub: true, citations: 1 });
	});

	it("marks gaps visibly, counts them in frontmatter, and cites a suggestion's source", async () => {
		const { vault } = await importSeeds();
		const review = vault.files.get("Reviews/Reinforcement learning and reasoning.md") ?? "";
		expect(frontmatterOf(review).gaps).toBe(15);
		expect(review).toContain("At the ==⟨…⟩==[^gap2] level, RL-trained");
		expect(review).toContain("[^gap2]: Words missing in the scraped page (missing modifier). Suggested: “token”, as [[What RL actually does at the token level]] has it.");
		expect(review).toContain("at half the ==⟨…⟩==[^gap3] [[E009]]. Independent");
		expect(review).toContain("[^gap3]: Words missing in the scraped page (determiner without noun). Suggested: “FLOPs”, as [[What RL actually does at the token level]] has it.");
		expect(review).toContain("0 of 6 anchoring episodes listed");
	});

	it("shows declared-versus-listed counts", async () => {
		const { vault } = await importSeeds();
		const cluster = vault.files.get("Clusters/Reinforcement Learning for LLMs.md") ?? "";
		expect(cluster).toContain("**83 of 171 notes listed** · 562 papers · 8 of 9 sub-topics listed");
		const hub = vault.files.get("Hubs/What does reward learning actually do to model reasoning.md") ?? "";
		expect(hub).toContain("Topic Hub · 14 of 25 linked notes listed · 8 of 9 sections listed");
		const section = vault.files.get("Hubs/What does reward learning actually do to model reasoning/Training Efficiency.md") ?? "";
		expect(section).toContain("0 of 1 note listed");
	});

	it("writes an import report naming every file and every gap", async () => {
		const { vault } = await importSeeds();
		const report = vault.files.get("Import report.md") ?? "";
		for (const seed of loadSeeds()) expect(report).toContain(`| \`${seed.file}\` |`);
		expect(report).toContain("## Gaps in the scraped text (15)");
		expect(report).toContain("| …consensus has formed about RL on ⟨…⟩. At the level, RL-trained… |");
		expect(report).toContain("| …mixed-policy methods at half the ⟨…⟩ E009. Independent replication… | “FLOPs”, from [[What RL actually does at the token level]] (`002_d1559e52e0b19ab5.txt`) |");
		expect(report).toContain("the page has no title line");
	});
});

describe("importPages: re-import is safe", () => {
	it("is idempotent: a second run writes nothing and leaves modification times alone", async () => {
		const { vault } = await importSeeds();
		const before = new Map(vault.mtimes);
		const { result } = await importSeeds(vault);
		expect([result.created.length, result.updated.length, result.kept.length]).toEqual([0, 0, 0]);
		expect(result.unchanged).toHaveLength(136);
		expect(vault.mtimes).toEqual(before);
	});

	it("updates untouched notes when a page changes upstream, and never overwrites the user's edits", async () => {
		const { vault } = await importSeeds();
		const edited = "Questions/Can a single training example unlock mathematical reasoning.md";
		const userText = `${vault.files.get(edited) ?? ""}\nMy own notes on this question.\n`;
		vault.set(edited, userText);
		const seeds = loadSeeds().map((s) => ({ ...s, text: s.text.replace(/Does minimal data suffice/g, "Does very little data suffice").replace("RLVR post-training makes", "RLVR training makes") }));
		const result = await importPages(seeds, vault, options);
		// The user's body is kept byte for byte; only the generated properties are refreshed (see propertyRefresh.test.ts).
		expect(splitFrontmatter(vault.files.get(edited) ?? "").body).toBe(splitFrontmatter(userText).body);
		expect(frontmatterOf(vault.files.get(edited) ?? "").description).toContain("Does very little data suffice");
		expect(result.refreshed).toContain(edited);
		const other = vault.files.get("Questions/Does RLVR actually improve mathematical reasoning or just coherence.md") ?? "";
		expect(other).toContain("RLVR training makes reasoning traces");
		expect(result.updated).toContain("Questions/Does RLVR actually improve mathematical reasoning or just coherence.md");
		expect(vault.files.get("Import report.md")).toContain(edited);
	});

	it("finds a note by its source id after the user moved it, instead of writing a duplicate", async () => {
		const { vault } = await importSeeds();
		const from = "Episodes/E026.md";
		const to = "My reading/E026 notes.md";
		vault.set(to, vault.files.get(from) ?? "");
		vault.files.delete(from);
		const { result } = await importSeeds(vault);
		expect(vault.files.has(from)).toBe(false);
		expect(result.created).toEqual([]);
		const review = vault.files.get("Reviews/Reinforcement learning and post-training for reasoning.md") ?? "";
		expect(review).toContain("[[E026 notes|E026]]");
	});

	it("never takes over a file the user made at a path the atlas wants", async () => {
		const vault = new MemoryVault({ "Episodes/E026.md": "My own E026 page.\n" });
		const { result } = await importSeeds(vault);
		expect(vault.files.get("Episodes/E026.md")).toBe("My own E026 page.\n");
		expect(result.created).toContain("Episodes/E026 (2).md");
		expect(unresolvedLinks(vault.files)).toEqual([]);
	});
});

describe("importPages: bad input", () => {
	it("imports every good file, names each bad one, and writes nothing outside the target folder", async () => {
		const inputs = [
			...loadSeeds(),
			{ file: "empty.txt", text: "" },
			{ file: "photo.jpg", text: "\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000" },
			{ file: "todo.txt", text: "buy milk\ncall mum" },
		];
		const vault = new MemoryVault({ "Elsewhere/keep.md": "untouched\n" });
		const result = await importPages(inputs, vault, { ...options, root: "Research Atlas" });
		expect(result.rejected).toEqual(["empty.txt", "photo.jpg", "todo.txt"]);
		expect(result.problems.filter((p) => p.severity === "error").map((p) => p.message)).toEqual([
			"empty.txt: the file is empty; it was skipped",
			"photo.jpg: this is a binary file, not a text page; it was skipped",
			"todo.txt: not a literature review, cluster or topic-hub page (no review header, citations, stats line or card list); it was skipped",
		]);
		expect(result.counts.question).toBe(86);
		const outside = [...vault.files.keys()].filter((p) => !p.startsWith("Research Atlas/"));
		expect(outside).toEqual(["Elsewhere/keep.md"]);
		expect(unresolvedLinks(vault.files)).toEqual([]);
	});
});

describe("importPages: matching notes by id, then by path", () => {
	it("matches a generated note whose id the user removed by its path, keeping it instead of writing a duplicate", async () => {
		const { vault } = await importSeeds();
		const path = "Episodes/E026.md";
		const edited = (vault.files.get(path) ?? "").replace(/^atlas_id: .*\n/m, "");
		vault.set(path, edited);
		const { result } = await importSeeds(vault);
		expect(result.created).toEqual([]);
		expect(vault.files.get(path)).toBe(edited);
		expect(result.kept.map((k) => k.path)).toEqual([path]);
		expect([...vault.files.keys()].filter((p) => p.startsWith("Episodes/E026"))).toEqual([path]);
	});

	it("prefers the id: a note moved and renamed by the user is updated where it is, and its old path stays free", async () => {
		const { vault } = await importSeeds();
		const from = "Questions/Can a single training example unlock mathematical reasoning.md";
		const to = "Reading/One example.md";
		vault.set(to, vault.files.get(from) ?? "");
		vault.files.delete(from);
		const seeds = loadSeeds().map((s) => ({ ...s, text: s.text.replace(/Does minimal data suffice/g, "Does very little data suffice") }));
		const result = await importPages(seeds, vault, options);
		expect(result.created).toEqual([]);
		expect(result.updated).toContain(to);
		expect(vault.files.has(from)).toBe(false);
		expect(vault.files.get(to)).toContain("Does very little data suffice");
	});
});
