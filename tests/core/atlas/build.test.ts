import { generatePages } from "../../../bench/corpus";
import { buildAtlas, GAP_MARK } from "../../../src/core";
import { startAtlas, startAtlasPaced } from "../../../src/core/atlas/build";
import { ProseAnalyser, type ProseAnalyst, type ProseCorpus, type ProseTexts } from "../../../src/core/pages/proseAnalysis";
import { loadSeeds } from "../../helpers/seeds";

describe("buildAtlas over the five seeds", () => {
	const atlas = buildAtlas(loadSeeds());

	it("finds 25 distinct episode codes, 8 of them with slugs and recovered titles", () => {
		expect(atlas.episodes.size).toBe(25);
		const withSlugs = [...atlas.episodes.values()].filter((e) => e.slug !== null);
		expect(withSlugs.map((e) => e.code).sort()).toEqual(["E009", "E010", "E011", "E025", "E026", "E048", "E079", "E081"]);
		expect(atlas.episodes.get("E026")?.title).toBe("Rethinking RL for LLM reasoning its sparse policy selection…");
		expect(atlas.episodes.get("E010")?.title).toBe("Ragen 2 reasoning collapse in agentic RL");
		expect(atlas.episodes.get("E007")).toMatchObject({ slug: null, title: null, summaries: [] });
	});

	it("keeps every summary of an episode with the review it came from", () => {
		const e026 = atlas.episodes.get("E026");
		expect(e026?.summaries.map((s) => s.reviewId)).toEqual([
			"review:Reinforcement learning and post-training for reasoning",
			"review:What RL actually does at the token level",
		]);
	});

	it("gathers every passage citing an episode, with its block, heading and sentence", () => {
		const citations = atlas.episodes.get("E026")?.citations ?? [];
		expect(citations.map((c) => [c.noteId, c.blockId, c.heading])).toEqual([
			["review:Reinforcement learning and reasoning", "p1", "What RL actually does to a model"],
			["review:Reinforcement learning and post-training for reasoning", "p1", "What RL actually does"],
			["review:What RL actually does at the token level", "p1", "What RL actually does at the token level"],
		]);
		expect(citations[0]?.sentence).toBe(
			"At the level, RL-trained and base models agree on 97–99% of tokens, and where they differ the RL choice was almost always already in the base model's top five — so a $25 run can match a $103,000 one, and the 'new strategies' framing looks wrong E026.",
		);
		const total = [...atlas.episodes.values()].reduce((n, e) => n + e.citations.length, 0);
		// 15 + 14 + 20 codes in the three reviews' prose (grep -o 'E[0-9]{3}' outside the anchor lists).
		expect(total).toBe(49);
	});

	it("has 86 distinct questions, merging the 11 that both the cluster and the hub list", () => {
		expect(atlas.questions.size).toBe(86);
		const both = [...atlas.questions.values()].filter((q) => q.memberships.length === 2);
		expect(both).toHaveLength(11);
		const q = atlas.questions.get("question:Can model confidence alone replace external answer verification?");
		expect(q?.memberships.map((m) => m.groupId)).toEqual([
			"subtopic:Reinforcement Learning for LLMs › RL with Verifiable Rewards (RLVR)",
			"section:What does reward learning actually do to model reasoning? › Extending RLVR Beyond Math/Code",
		]);
		expect(q?.descriptions).toHaveLength(1);
		expect(q?.descriptions[0]?.files).toEqual(["003_8bbdbf8163614206.txt", "004_56aa102100d15266.txt"]);
	});

	it("detects the scraping gaps and offers a suggestion only where another page kept the words", () => {
		const review = atlas.reviews.find((r) => r.id === "review:Reinforcement learning and reasoning");
		const gaps = review?.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.prose.gaps.map((g) => ({ p, g })))) ?? [];
		expect(gaps).toHaveLength(15);
		const show = ({ p, g }: (typeof gaps)[number]): string => p.prose.text.slice(Math.max(0, g.index - 12), g.index) + GAP_MARK + p.prose.text.slice(g.index, g.index + 6);
		expect(gaps.slice(0, 5).map(show)).toEqual(["about RL on ==⟨…⟩==. At t", "on . At the ==⟨…⟩==level,", "at half the ==⟨…⟩==E009. ", "9 theory of ==⟨…⟩==as a p", "o humans or ==⟨…⟩==— and "]);
		const suggested = gaps.filter(({ g }) => g.suggestion !== null).map(({ g }) => g.suggestion);
		// "At the level," (the issue's own example) gets "token" from the other review's title line.
		expect(suggested).toEqual([
			{ words: "token", file: "002_d1559e52e0b19ab5.txt", title: "What RL actually does at the token level" },
			{ words: "FLOPs", file: "002_d1559e52e0b19ab5.txt", title: "What RL actually does at the token level" },
		]);
		const elsewhere = atlas.reviews.filter((r) => r.id !== review?.id).flatMap((r) => r.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.prose.gaps)));
		expect(elsewhere).toEqual([]);
	});

	it("records what was read from each file", () => {
		expect(atlas.pages.map((p) => p.kind)).toEqual(["review", "review", "review", "cluster", "hub"]);
		expect(atlas.diagnostics.map((d) => [d.code, d.severity])).toEqual([
			["cut-anchor-list", "warning"],
			["derived-title", "info"],
		]);
	});

	it("is deterministic whatever order the inputs come in", () => {
		const reversed = buildAtlas([...loadSeeds()].reverse());
		expect(JSON.stringify([...reversed.questions.keys()])).toBe(JSON.stringify([...atlas.questions.keys()]));
		expect(JSON.stringify([...reversed.episodes.values()])).toBe(JSON.stringify([...atlas.episodes.values()]));
	});
});

describe("an atlas whose prose is analysed elsewhere", () => {
	const inputs = [...loadSeeds(), ...generatePages(300, 5)];

	/** An analyst as a host's thread would be: every message and the answer copied across, as between threads. */
	function copyingAnalyst(): ProseAnalyst & { batches: number } {
		const analyser = new ProseAnalyser();
		const analyst = {
			batches: 0,
			add: (batch: ProseTexts) => {
				analyst.batches++;
				analyser.add(structuredClone(batch));
			},
			analyse: (corpus: ProseCorpus) => Promise.resolve(structuredClone(analyser.analyse(structuredClone(corpus)))),
		};
		return analyst;
	}

	it("is the atlas buildAtlas builds, once the analysis is attached: same gaps, suggestions and citations", async () => {
		const expected = buildAtlas(inputs);
		const analyst = copyingAnalyst();
		const started = startAtlas(inputs, {}, analyst);
		// Until the analysis comes, no prose and no citation shows a gap.
		expect(started.atlas.reviews.flatMap((r) => r.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.prose.gaps)))).toEqual([]);
		expect([...started.atlas.episodes.values()].flatMap((e) => e.citations.flatMap((c) => c.gaps))).toEqual([]);
		const atlas = started.complete(await analyst.analyse(started.corpus));
		expect(atlas).toEqual(expected);
		// The texts went over as the pages were read, in more than one batch; and the atlas has something to show.
		expect(analyst.batches).toBeGreaterThan(1);
		const gaps = atlas.reviews.flatMap((r) => r.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.prose.gaps)));
		expect(gaps.filter((g) => g.suggestion !== null).length).toBeGreaterThan(0);
		expect([...atlas.episodes.values()].some((e) => e.citations.some((c) => c.gaps.length > 0))).toBe(true);
	});
});

describe("an atlas read a page at a time (the plugin, which draws on the same thread)", () => {
	const inputs = [...generatePages(120, 9), ...loadSeeds()];

	it("is the atlas buildAtlas builds, and each pause the host asks for is awaited before the next page", async () => {
		const expected = buildAtlas(inputs);
		const analyser = new ProseAnalyser();
		const calls: number[] = [];
		let pausing = false;
		const started = await startAtlasPaced(inputs, {}, analyser, (read, pages) => {
			expect(pages).toBe(inputs.length);
			// A page read while the last pause was still pending would find this set.
			expect(pausing).toBe(false);
			calls.push(read);
			if (read % 10 !== 0) return undefined;
			pausing = true;
			return new Promise<void>((resolve) =>
				setTimeout(() => {
					pausing = false;
					resolve();
				}, 1),
			);
		});
		expect(calls).toEqual(inputs.map((_, i) => i + 1));
		expect(started.complete(analyser.analyse(started.corpus))).toEqual(expected);
	});
});
