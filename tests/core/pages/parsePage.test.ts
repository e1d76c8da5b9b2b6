import { codeMatcher, findGaps, parsePage } from "../../../src/core";
import type { ClusterPage, HubPage, ReviewPage } from "../../../src/core";
import { loadSeeds, seedText } from "../../helpers/seeds";

describe("parsePage on the seeds", () => {
	it("recognises each seed by its structure", () => {
		const kinds = loadSeeds().map((s) => [s.file.slice(0, 3), parsePage(s.file, s.text).page?.kind]);
		expect(kinds).toEqual([
			["000", "review"],
			["001", "review"],
			["002", "review"],
			["003", "cluster"],
			["004", "hub"],
		]);
	});

	it("reads the cluster page: 8 listed of 9 declared sub-topics, 83 cards, declared counts kept", () => {
		const { file, text } = seedText("003");
		const page = parsePage(file, text).page as ClusterPage;
		expect(page.title).toBe("Reinforcement Learning for LLMs");
		expect(page.description).toMatch(/^Research on training and improving LLM reasoning/);
		expect([page.declaredNotes, page.declaredPapers, page.declaredGroups]).toEqual([171, 562, 9]);
		expect(page.groups.map((g) => [g.name, g.declaredNotes, g.cards.length])).toEqual([
			["Reinforcement Learning", 16, 16],
			["RL with Verifiable Rewards (RLVR)", 16, 16],
			["Test-Time Compute", 16, 16],
			["Self-Refinement and Self-Consistency", 11, 11],
			["Reward Models", 10, 10],
			["Training and Fine-Tuning", 9, 9],
			["Inference-Time Scaling", 3, 3],
			["Training Data", 2, 2],
		]);
		expect(page.groups.reduce((n, g) => n + g.cards.length, 0)).toBe(83);
		const first = page.groups[0]?.cards[0];
		expect(first?.title).toBe("Can chain-of-thought reasoning emerge during pretraining itself?");
		expect(first?.description).toMatch(/^Does treating reasoning as an exploratory action/);
	});

	it("reads the hub page: 8 listed of 9 sections, 14 cards, sections without cards kept", () => {
		const { file, text } = seedText("004");
		const page = parsePage(file, text).page as HubPage;
		expect(page.title).toBe("What does reward learning actually do to model reasoning?");
		expect([page.declaredNotes, page.declaredGroups]).toEqual([25, 9]);
		expect(page.groups.map((g) => [g.name, g.declaredNotes, g.cards.length])).toEqual([
			["What RLVR Actually Does", 4, 4],
			["Exploration and Entropy Dynamics", 3, 3],
			["Training Efficiency", 1, 0],
			["Extending RLVR Beyond Math/Code", 4, 4],
			["Process Reward Models", 1, 0],
			["Novel Architecture", 1, 0],
			["Metacognitive Process Supervision", 1, 0],
			["RLVR Side Effects", 3, 3],
		]);
	});

	it("reads a review with header, nav line and a cut anchor list", () => {
		const { file, text } = seedText("000");
		const result = parsePage(file, text);
		const page = result.page as ReviewPage;
		expect(page.title).toBe("Reinforcement learning and reasoning");
		expect(page.titleDerived).toBe(false);
		expect(page.declaredEpisodes).toBe(6);
		expect(page.sections.map((s) => [s.heading, s.paragraphs.length])).toEqual([
			["What RL actually does to a model", 2],
			["Rewarding more than the final answer", 2],
			["Cheap recipes for strong reasoning", 2],
			["How RL training quietly goes wrong", 2],
		]);
		expect(page.anchors).toEqual([]);
		expect(result.diagnostics.map((d) => d.code)).toEqual(["cut-anchor-list"]);
		expect(result.diagnostics[0]?.message).toContain(file);
	});

	it("reads a review without blank lines and its anchoring episodes with slugs and summaries", () => {
		const { file, text } = seedText("001");
		const page = parsePage(file, text).page as ReviewPage;
		expect(page.title).toBe("Reinforcement learning and post-training for reasoning");
		expect(page.sections.map((s) => s.heading)).toEqual([
			"What RL actually does",
			"Reward signals and their failure modes",
			"Small recipes beating big ones",
			"Agentic RL and skill distillation",
		]);
		expect(page.anchors.map((a) => a.code)).toEqual(["E026", "E011", "E009", "E079", "E025", "E010"]);
		expect(page.anchors[0]).toMatchObject({
			slug: "026-rethinking-rl-for-llm-reasoning-its-sparse-policy-selection-",
			summary: "Showed that RL edits a tiny fraction of tokens the base model was already considering.",
		});
	});

	it("derives a title for the review that has no title line, and says so", () => {
		const { file, text } = seedText("002");
		const result = parsePage(file, text);
		const page = result.page as ReviewPage;
		expect(page.titleDerived).toBe(true);
		expect(page.title).toBe("What RL actually does at the token level");
		expect(page.sections[0]?.heading).toBe("What RL actually does at the token level");
		expect(result.diagnostics.find((d) => d.code === "derived-title")?.message).toBe(
			`${file}: the page has no title line; titled "What RL actually does at the token level" after its first section heading`,
		);
	});
});

describe("parsePage is indifferent to line endings, BOM, blank lines and trailing space", () => {
	it.each(loadSeeds().map((s) => [s.file, s.text]))("%s", (file, text) => {
		const plain = parsePage(file, text).page;
		const messy = "\uFEFF" + text.replace(/\n/g, "  \r\n\r\n\t\r\n").replace(/^/, "\r\n");
		const reparsed = parsePage(file, messy).page;
		expect(reparsed).not.toBeNull();
		const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "line" || key === "hash" ? undefined : v)));
		expect(strip(reparsed)).toEqual(strip(plain));
	});
});

describe("parsePage rejects what is not a page, naming the file", () => {
	it.each([
		["empty.txt", "", "empty-file"],
		["blank.txt", " \n\r\n\t\n", "empty-file"],
		["image.png", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "binary-file"],
		["notes.txt", "Shopping list\nmilk\neggs", "unrecognised-page"],
		["cut-cluster.txt", "← All clusters\n\nSome cluster\n\n12 notes (primary) · 3 papers · 2 sub-topics\nView as\n", "truncated-page"],
	])("%s", (file, text, code) => {
		const result = parsePage(file, text);
		expect(result.page).toBeNull();
		expect(result.diagnostics.map((d) => d.code)).toContain(code);
		const error = result.diagnostics.find((d) => d.severity === "error");
		expect(error?.message.startsWith(`${file}: `)).toBe(true);
	});

	it("keeps what it can of a page cut inside a card, with a warning naming the line", () => {
		const { file, text } = seedText("004");
		const cut = text.slice(0, text.indexOf("Is the exploration-exploitation") + 40);
		const result = parsePage(file, cut);
		const page = result.page as HubPage;
		expect(page.groups.map((g) => g.cards.length)).toEqual([4, 2]);
		const warning = result.diagnostics.find((d) => d.code === "truncated-card");
		expect(warning?.message).toMatch(new RegExp(`^${file}:\\d+: the card "Is the exploration-exploitation`));
	});
});

describe("findGaps: a level or scale without its modifier", () => {
	const matcher = codeMatcher();
	it.each([
		["At the level, RL-trained and base models agree.", 7],
		["Measured at a scale no lab can afford.", 14],
	])("finds the gap in %j", (text, index) => {
		expect(findGaps(text, matcher).map((g) => [g.index, g.rule])).toContainEqual([index, "missing-modifier"]);
	});
	it.each(["At the level of tokens, they agree.", "At the token level, they agree."])("finds none in %j", (text) => {
		expect(findGaps(text, matcher).filter((g) => g.rule === "missing-modifier")).toEqual([]);
	});
});
