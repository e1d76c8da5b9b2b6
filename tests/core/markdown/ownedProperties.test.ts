import { OWNED_KEYS, ownedHash } from "../../../src/core";
import { ownedView } from "../../../src/core/markdown/ownedProperties";
import { rng } from "../../helpers/random";

/** The view as its definition reads: every owned key in OWNED_KEYS's order, the importer's share of it, empty ones left out. */
function plainView(frontmatter: Record<string, unknown>): [string, unknown][] {
	const out: [string, unknown][] = [];
	for (const key of OWNED_KEYS) {
		if (!Object.prototype.hasOwnProperty.call(frontmatter, key)) continue;
		let value = frontmatter[key];
		const list = Array.isArray(value) ? (value as unknown[]) : value === undefined || value === null ? [] : [value];
		if (key === "tags") value = list.filter((t) => typeof t === "string" && /^#?(?:atlas|cluster|hub)\//.test(t));
		if (key === "aliases") value = list.filter((a) => a === frontmatter.title);
		if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
		out.push([key, value]);
	}
	return out;
}

describe("ownedView", () => {
	it("lists a note's owned properties in OWNED_KEYS's order, whatever order the note holds them in", () => {
		const frontmatter = { title: "T", type: "question", mine: 1, aliases: ["T", "My alias"], tags: ["atlas/question", "reading"], atlas_id: "question:t" };
		expect(ownedView(frontmatter)).toEqual([
			["aliases", ["T"]],
			["atlas_id", "question:t"],
			["tags", ["atlas/question"]],
			["title", "T"],
			["type", "question"],
		]);
	});

	it("agrees with its definition on random notes: keys shuffled, the user's own keys and empty values among them", () => {
		const random = rng(5);
		const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
		const values = [null, undefined, [], "x", 3, true, ["atlas/question", "mine"], ["T"], ["cluster/a/b", "#hub/x"], "T"];
		for (let n = 0; n < 300; n++) {
			const keys = [...OWNED_KEYS, "mine", "status", "rating"].filter(() => random() < 0.4);
			for (let i = keys.length - 1; i > 0; i--) {
				const j = Math.floor(random() * (i + 1));
				[keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
			}
			const frontmatter: Record<string, unknown> = {};
			for (const key of keys) frontmatter[key] = key === "title" ? "T" : pick(values);
			expect(ownedView(frontmatter)).toEqual(plainView(frontmatter));
		}
	});

	it("gives the hash notes in vaults already carry", () => {
		// Written into every generated note's fingerprint: the value must not change (pinned from before the view was rewritten).
		expect(ownedHash({ type: "question", title: "T", tags: ["atlas/question", "mine"], aliases: ["T", "x"], atlas_id: "question:t", mine: 1 })).toBe("0f3d9ccd3a6d0e");
	});
});
