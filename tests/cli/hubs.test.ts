import { readFileSync, statSync, writeFileSync } from "fs";
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

const SEED_HUB = "Hubs/What does reward learning actually do to model reasoning.md";
const SEED_TAG = "hub/what-does-reward-learning-actually-do-to-model-reasoning";

describe("research-atlas hubs", () => {
	let vault: string;

	beforeEach(async () => {
		vault = tempDir("atlas-hubs-");
		expect((await run(["build", "--seeds", SEEDS_DIR, "--vault", vault, "--json"])).code).toBe(0);
	});

	it("updates every hub from the tag it records, then writes nothing on a second run", async () => {
		const first = await run(["hubs", "--vault", vault, "--json"]);
		expect(first.code).toBe(0);
		expect(JSON.parse(first.out[0] ?? "{}")).toEqual({ hubs: [{ path: SEED_HUB, tag: SEED_TAG, status: "updated", notes: 14, sections: 8 }], created: 0, updated: 1, unchanged: 0, frozen: 0, conflicts: 0 });
		const mtime = statSync(join(vault, SEED_HUB)).mtimeMs;
		const second = await run(["hubs", "--vault", vault]);
		expect(second.out).toEqual([`unchanged ${SEED_HUB}  (#${SEED_TAG}: 14 notes, 8 sections)`, "1 hub: 0 created, 0 updated, 1 unchanged, 0 frozen."]);
		expect(statSync(join(vault, SEED_HUB)).mtimeMs).toBe(mtime);
	});

	it("builds a hub from a tag with the chosen sections, and keeps it current", async () => {
		const built = await run(["hubs", "--vault", vault, "--tag", "#cluster/reinforcement-learning-for-llms", "--title", "RL by sub-topic", "--sections", "subtopic", "--json"]);
		expect(built.code).toBe(0);
		expect((JSON.parse(built.out[0] ?? "{}") as { hubs: unknown }).hubs).toEqual([{ path: "Hubs/RL by sub-topic.md", tag: "cluster/reinforcement-learning-for-llms", status: "created", notes: 83, sections: 8 }]);
		const text = readFileSync(join(vault, "Hubs/RL by sub-topic.md"), "utf8");
		expect(text.split("\n").slice(0, 8)).toEqual([
			"---",
			"type: hub",
			"title: RL by sub-topic",
			"hub_tag: cluster/reinforcement-learning-for-llms",
			"sections_from: subtopic",
			"---",
			"%% research-atlas:hub start — generated; your text above and below is kept %%",
			"Topic Hub · 83 linked notes · 8 sections",
		]);
		// Building the same hub again finds it at its name and writes nothing.
		const mtime = statSync(join(vault, "Hubs/RL by sub-topic.md")).mtimeMs;
		const rebuilt = await run(["hubs", "--vault", vault, "--tag", "cluster/reinforcement-learning-for-llms", "--title", "RL by sub-topic", "--sections", "subtopic"]);
		expect(rebuilt.out).toEqual(["unchanged Hubs/RL by sub-topic.md  (#cluster/reinforcement-learning-for-llms: 83 notes, 8 sections)", "1 hub: 0 created, 0 updated, 1 unchanged, 0 frozen."]);
		expect(statSync(join(vault, "Hubs/RL by sub-topic.md")).mtimeMs).toBe(mtime);
		// A note leaves the cluster: the next update drops it.
		const question = join(vault, "Questions/Can a single training example unlock mathematical reasoning.md");
		writeFileSync(question, readFileSync(question, "utf8").replace("  - cluster/reinforcement-learning-for-llms/rl-with-verifiable-rewards-rlvr\n", ""));
		const again = await run(["hubs", "--vault", vault, "--json"]);
		expect((JSON.parse(again.out[0] ?? "{}") as { hubs: unknown }).hubs).toEqual([
			{ path: "Hubs/RL by sub-topic.md", tag: "cluster/reinforcement-learning-for-llms", status: "updated", notes: 82, sections: 8 },
			{ path: SEED_HUB, tag: SEED_TAG, status: "updated", notes: 14, sections: 8 },
		]);
		expect(readFileSync(join(vault, "Hubs/RL by sub-topic.md"), "utf8")).not.toContain("Can a single training example");
	});

	it("refuses unknown tags and bad options", async () => {
		expect(await run(["hubs", "--vault", vault, "--tag", "nope"])).toEqual({ code: 1, out: [], err: ["research-atlas: no note carries #nope"] });
		expect((await run(["hubs", "--vault", vault, "--tag", SEED_TAG, "--sections", "bogus"])).code).toBe(2);
		expect((await run(["hubs", "--vault", vault, "--sort", "size"])).code).toBe(2);
		expect((await run(["hubs", "--vault", join(vault, "missing")])).code).toBe(2);
	});
});
