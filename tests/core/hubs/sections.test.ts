import { newHubSpec, planHub, renderHubRegion, sectionCount, type HubDefaults, type SectionMode } from "../../../src/core";
import { note, sourceFrom } from "./noteBuilder";
import { SEED_TAG, seedVault, sourceOf } from "./seedVault";

const defaults: HubDefaults = { sort: "title", excludeFolders: [], excludeKey: "" };

function sections(files: Record<string, string>, tag: string, mode: SectionMode, extra: Partial<ReturnType<typeof newHubSpec>> = {}, mtimes: Record<string, number> = {}): [string, string[]][] {
	const plan = planHub(sourceFrom(files, mtimes), { ...newHubSpec(tag, mode, defaults), ...extra }, null);
	return plan.region.sections.map((s) => [s.link ?? s.heading, s.cards.map((c) => c.link)]);
}

describe("sections by frontmatter key", () => {
	const files = {
		"A.md": note({ tags: ["proj"], status: "reading" }),
		"B.md": note({ tags: ["proj"], status: ["done", "reading"] }),
		"C.md": note({ tags: ["proj"], status: "[[Done list|done]]" }),
		"D.md": note({ tags: ["proj"] }),
		"Done list.md": note({}),
	};
	it("groups by the value, a list puts a note in each, a link value becomes a linked heading, the rest go last", () => {
		expect(sections(files, "proj", { kind: "frontmatter", key: "status" })).toEqual([
			["done", ["[[B]]"]],
			["[[Done list|done]]", ["[[C]]"]],
			["reading", ["[[A]]", "[[B]]"]],
			["Other notes", ["[[D]]"]],
		]);
	});
	it("puts named sections first in the order a hub asks for", () => {
		expect(sections(files, "proj", { kind: "frontmatter", key: "status" }, { sectionOrder: ["reading"] }).map(([h]) => h)).toEqual(["reading", "done", "[[Done list|done]]", "Other notes"]);
		expect(sections(files, "proj", { kind: "frontmatter", key: "status" }, { sectionOrder: "size" }).map(([h]) => h)).toEqual(["reading", "done", "[[Done list|done]]", "Other notes"]);
	});
});

describe("card order", () => {
	const files = {
		"Episodes/E1.md": note({ type: "episode", code: "E1" }),
		"Episodes/E2.md": note({ type: "episode", code: "E2" }),
		"Notes/a10.md": note({ tags: ["t"] }, "[[E1]] [[E2]] [[E1]]"),
		"Notes/a9.md": note({ tags: ["t"] }, "[[E2]]"),
		"Notes/B.md": note({ tags: ["t"] }),
	};
	it("by title reads numbers as numbers and ignores case", () => {
		expect(sections(files, "t", { kind: "nested" })[0]?.[1]).toEqual(["[[a9]]", "[[a10]]", "[[B]]"]);
	});
	it("by citations counts the distinct episodes a note cites", () => {
		expect(sections(files, "t", { kind: "nested" }, { sort: "citations" })[0]?.[1]).toEqual(["[[a10]]", "[[a9]]", "[[B]]"]);
	});
	it("by modified puts the newest first", () => {
		expect(sections(files, "t", { kind: "nested" }, { sort: "modified" }, { "Notes/a10.md": 5, "Notes/a9.md": 9, "Notes/B.md": 7 })[0]?.[1]).toEqual(["[[a9]]", "[[B]]", "[[a10]]"]);
	});
});

describe("sections by cluster sub-topic", () => {
	it("names and orders sections by the seed cluster's sub-topic notes", async () => {
		const source = sourceOf(await seedVault());
		const plan = planHub(source, newHubSpec(SEED_TAG, { kind: "subtopic" }, defaults), null);
		expect(plan.region.sections.map((s) => [s.link, s.cards.length])).toEqual([
			["[[RL with Verifiable Rewards (RLVR)]]", 11],
			[undefined, 3],
		]);
		expect(plan.region.sections[1]?.heading).toBe("Other notes");
	});
});

describe("automatic sections", () => {
	it("finds the groups in notes that share links, tags and words, and names them by what sets them apart", () => {
		const files: Record<string, string> = {
			"Topics/Bees.md": note({}),
			"Topics/Rivers.md": note({}),
		};
		for (const name of ["Honey", "Hive", "Pollen", "Queen"]) files[`N/${name}.md`] = note({ tags: ["nature", "insects"], title: `${name} and bees` }, "[[Bees]]");
		for (const name of ["Delta", "Estuary", "Flood"]) files[`N/${name}.md`] = note({ tags: ["nature", "water"], title: `${name} of rivers` }, "[[Rivers]]");
		files["N/Lonely.md"] = note({ tags: ["nature"] });
		const result = sections(files, "nature", { kind: "auto" });
		expect(result).toEqual([
			["Bees, insects", ["[[Hive|Hive and bees]]", "[[Honey|Honey and bees]]", "[[Pollen|Pollen and bees]]", "[[Queen|Queen and bees]]"]],
			["Rivers, water", ["[[Delta|Delta of rivers]]", "[[Estuary|Estuary of rivers]]", "[[Flood|Flood of rivers]]"]],
			["Other notes", ["[[Lonely]]"]],
		]);
		// Deterministic: the same notes in another order give the same sections.
		const reversed = Object.fromEntries(Object.entries(files).reverse());
		expect(sections(reversed, "nature", { kind: "auto" })).toEqual(result);
	});

	it("splits the seed hub's 14 notes into 3 groups, the same on every run", async () => {
		const source = sourceOf(await seedVault());
		const plan = planHub(source, newHubSpec(SEED_TAG, { kind: "auto" }, defaults), null);
		expect(plan.region.sections.map((s) => s.cards.length)).toEqual([5, 5, 4]);
		expect(plan.members).toHaveLength(14);
		expect(renderHubRegion(planHub(sourceOf(await seedVault()), newHubSpec(SEED_TAG, { kind: "auto" }, defaults), null).region)).toBe(renderHubRegion(plan.region));
		// Named by the section notes most of each group links to; the sub-topic all of them share names none.
		expect(plan.region.sections.map((s) => s.heading)).toEqual(["Exploration and Entropy Dynamics", "Extending RLVR Beyond Math/Code", "RLVR Side Effects"]);
		// The four "RLVR Side Effects" questions form one group of their own.
		expect(plan.region.sections[2]?.cards.map((c) => c.link.slice(2, c.link.indexOf("|")))).toEqual([
			"Can genuine reasoning activation coexist with contaminated benchmarks",
			"Does RLVR actually improve mathematical reasoning or just coherence",
			"Does RLVR success on math benchmarks reflect genuine reasoning improvement",
			"Why do reasoning models fail at predicting disagreement",
		]);
	});

	it("names the seed cluster's groups by their sub-topics and phrases, never repeating a term or using a generic word", async () => {
		const source = sourceOf(await seedVault());
		const plan = planHub(source, newHubSpec("cluster/reinforcement-learning-for-llms", { kind: "auto" }, defaults), null);
		expect(plan.region.sections.map((s) => [s.heading, s.cards.length])).toEqual([
			["Reinforcement Learning", 19],
			["Extending RLVR Beyond Math/Code", 15],
			["Training and Fine-Tuning", 14],
			["Reward Models", 14],
			["Self-Refinement and Self-Consistency", 13],
			["Inference compute", 8],
		]);
		expect(plan.members).toHaveLength(83);
	});

	it("gives a term to the one group it marks out, and names a group by a title phrase rather than its words", () => {
		const files: Record<string, string> = {};
		const titles = [
			"Does majority voting beat search?",
			"Why majority voting works for math",
			"Majority voting at test time",
			"Entropy collapse in policy training",
			"Can entropy collapse be prevented in policy training?",
			"Entropy collapse and exploration",
		];
		titles.forEach((title, i) => (files[`Q/${i}.md`] = note({ tags: ["t"], title })));
		expect(sections(files, "t", { kind: "auto" }).map(([h]) => h)).toEqual(["Majority voting", "Policy training, entropy collapse"]);
	});

	it("chooses about √(n/2) sections, between 2 and 12", () => {
		expect([1, 3, 4, 14, 50, 200, 288, 10000].map(sectionCount)).toEqual([1, 1, 2, 3, 5, 10, 12, 12]);
	});
});
