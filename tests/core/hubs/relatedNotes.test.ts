import { RelatedIndex, relatedNotes } from "../../../src/core";
import { note, sourceFrom } from "./noteBuilder";
import { seedVault, sourceOf } from "./seedVault";

describe("relatedNotes on the seed vault", () => {
	it("ranks the reviews sharing most episodes first, with the shared codes as the reason", async () => {
		const source = sourceOf(await seedVault());
		const related = relatedNotes(source.notes, "Reviews/Reinforcement learning and reasoning.md", 3);
		expect(related.map((r) => [r.path, r.reasons.map((x) => x.text)])).toEqual([
			["Reviews/What RL actually does at the token level.md", ["11 shared episodes: E026, E011, E009 and 8 more", "Linked from this note"]],
			["Reviews/Reinforcement learning and post-training for reasoning.md", ["8 shared episodes: E026, E011, E009 and 5 more", "3 shared words: reinforcement, learning, reasoning"]],
			["Episodes/E048.md", ["Linked both ways", "1 shared link: What RL actually does at the token level", "1 shared word: reasoning"]],
		]);
		// In the order the review cites them.
		expect(related[0]?.reasons[0]?.items).toEqual(["E026", "E011", "E009", "E079", "E019", "E048", "E074", "E010", "E052", "E081", "E084"]);
	});

	it("never offers index or report notes, which list everything", async () => {
		const source = sourceOf(await seedVault());
		const related = relatedNotes(source.notes, "Reviews/Reinforcement learning and reasoning.md", 200);
		expect(related.map((r) => r.path).filter((p) => p.startsWith("All ") || p === "Import report.md")).toEqual([]);
	});

	it("relates questions by their deepest shared tags, naming them", async () => {
		const source = sourceOf(await seedVault());
		const [first] = relatedNotes(source.notes, "Questions/Does RLVR actually expand what models can reason about.md", 1);
		expect(first?.path).toBe("Questions/Why do random rewards improve reasoning for some models but not others.md");
		expect(first?.reasons.find((r) => r.kind === "tags")?.items).toEqual([
			"#cluster/reinforcement-learning-for-llms/rl-with-verifiable-rewards-rlvr",
			"#hub/what-does-reward-learning-actually-do-to-model-reasoning/what-rlvr-actually-does",
		]);
	});
});

describe("RelatedIndex", () => {
	const files = {
		"E/E1.md": note({ type: "episode", code: "E001" }),
		"E/E2.md": note({ type: "episode", code: "E002" }),
		"E/E3.md": note({ type: "episode", code: "E003" }),
		"A.md": note({ tags: ["ml/rl"] }, "[[E1]] [[E2]] [[E3]]"),
		"B.md": note({ tags: ["ml/rl"] }, "[[E3]] [[E2]] [[E1]]"),
		"C.md": note({ tags: ["ml/vision"] }, "[[E1]]"),
		"D.md": note({}, "Nothing in common."),
	};

	it("names shared episodes by code in the order the note cites them, and shared tags", () => {
		const index = new RelatedIndex(sourceFrom(files).notes);
		const related = index.related("A.md");
		// The episodes it cites are related by the link itself; C shares one episode and a parent tag.
		expect(related.map((r) => r.path)).toEqual(["B.md", "E/E1.md", "E/E2.md", "E/E3.md", "C.md"]);
		expect(related[0]?.reasons.map((r) => r.text)).toEqual(["3 shared episodes: E001, E002, E003", "1 shared tag: #ml/rl"]);
		expect(related[1]?.reasons.map((r) => r.text)).toEqual(["Linked from this note"]);
		expect(related[4]?.reasons.map((r) => r.text)).toEqual(["1 shared episode: E001", "1 shared tag: #ml"]);
		expect(related.some((r) => r.path === "D.md")).toBe(false);
	});

	it("follows changes: a removed note disappears, a changed one is re-ranked", () => {
		const source = sourceFrom(files);
		const index = new RelatedIndex(source.notes);
		index.remove("B.md");
		// With B gone the shared tag and episode are rarer, so C now outranks the cited episodes.
		expect(index.related("A.md").map((r) => r.path)).toEqual(["C.md", "E/E1.md", "E/E2.md", "E/E3.md"]);
		const d = source.byPath.get("D.md");
		if (d === undefined) throw new Error("no D");
		index.set({ ...d, links: ["E/E1.md", "E/E2.md"], tags: ["ml/rl"] });
		expect(index.related("A.md")[0]?.path).toBe("D.md");
		expect(index.related("unknown.md")).toEqual([]);
		expect(index.size).toBe(6);
	});
});
