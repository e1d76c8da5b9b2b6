import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { main } from "../../src/cli/main";
import { SEEDS_DIR } from "../helpers/seeds";
import { tempDir } from "../helpers/tempDir";

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
	return { code, out, err };
}

describe("research-atlas citations", () => {
	let vault: string;

	beforeAll(() => {
		vault = tempDir("atlas-citations-");
		mkdirSync(join(vault, "Episodes"));
		mkdirSync(join(vault, ".obsidian"));
		writeFileSync(join(vault, "Episodes", "E026.md"), "---\ntype: episode\ncode: E026\n---\nE026 is this note.\n");
		writeFileSync(join(vault, "Review.md"), "# Findings\n\nRL reweights tokens [[E026]]. Also E011. ^p1\n\n`E099` is code.\n");
		writeFileSync(join(vault, "Hand.md"), "I typed E026 here.\n");
		writeFileSync(join(vault, ".obsidian", "Hidden.md"), "E026 in config\n");
	});

	it("prints every code with its citing passages as JSON", async () => {
		const { code, out } = await run(["citations", "--vault", vault, "--json"]);
		expect(code).toBe(0);
		expect(JSON.parse(out[0] ?? "{}")).toEqual({
			notes: 3,
			episodeFolder: "Episodes",
			codes: [
				{ code: "E011", episode: null, notes: 1, occurrences: 1, citations: [{ file: "Review.md", line: 3, column: 36, form: "plain", sentence: "Also E011.", headings: ["Findings"], block: "p1" }] },
				{
					code: "E026",
					episode: "Episodes/E026.md",
					notes: 2,
					occurrences: 2,
					citations: [
						{ file: "Hand.md", line: 1, column: 9, form: "plain", sentence: "I typed E026 here.", headings: [] },
						{ file: "Review.md", line: 3, column: 21, form: "link", sentence: "RL reweights tokens [[E026]].", headings: ["Findings"], block: "p1" },
					],
				},
			],
		});
	});

	it("prints one code as text, file:line and sentence", async () => {
		const { code, out } = await run(["citations", "--vault", vault, "--code", "E026"]);
		expect(code).toBe(0);
		expect(out).toEqual(["E026: 2 notes, 2 citations (Episodes/E026.md)", "  Hand.md:1  I typed E026 here.", "  Review.md:3  RL reweights tokens [[E026]]."]);
	});

	it("exits 1 for a code cited nowhere and 2 for a missing vault or a bad pattern", async () => {
		expect((await run(["citations", "--vault", vault, "--code", "E999"])).code).toBe(1);
		expect((await run(["citations", "--vault", join(vault, "nope")])).code).toBe(2);
		const bad = await run(["citations", "--vault", vault, "--pattern", "("]);
		expect(bad.code).toBe(2);
		expect(bad.err).toEqual(["research-atlas: --pattern (: not a usable regular expression"]);
	});

	it("indexes the demo vault built from the seeds", async () => {
		const demo = tempDir("atlas-citations-demo-");
		expect((await run(["build", "--seeds", SEEDS_DIR, "--vault", demo])).code).toBe(0);
		const { out } = await run(["citations", "--vault", demo, "--code", "E026", "--json"]);
		const report = JSON.parse(out[0] ?? "{}") as { codes: Array<{ episode: string; citations: Array<{ file: string; line: number }> }> };
		expect(report.codes[0]?.episode).toBe("Episodes/E026.md");
		expect(report.codes[0]?.citations.map((c) => `${c.file}:${c.line}`)).toEqual([
			"Reviews/Reinforcement learning and post-training for reasoning.md:29",
			"Reviews/Reinforcement learning and post-training for reasoning.md:45",
			"Reviews/Reinforcement learning and reasoning.md:37",
			"Reviews/What RL actually does at the token level.md:38",
			"Reviews/What RL actually does at the token level.md:63",
		]);
	});
});
