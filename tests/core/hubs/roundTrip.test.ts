import { findHubRegion, hubSource, newHubSpec, parseSectionMode, planHub, readHubSpec, renderHubRegion, updateHubs } from "../../../src/core";
import { regionOf, SEED_HUB, SEED_TAG, sectionsOf, seedVault, sourceOf } from "./seedVault";

const defaults = { sort: "title" as const, excludeFolders: [], excludeKey: "atlas_exclude" };

describe("the seed hub rebuilt from its tag alone", () => {
	it("has the page's sections in the page's order, the same cards in each, and the same counts", async () => {
		const vault = await seedVault();
		const imported = vault.files.get(SEED_HUB) ?? "";
		const source = sourceOf(vault);
		const hub = source.byPath.get(SEED_HUB);
		const spec = hub === undefined ? null : readHubSpec(hub, defaults);
		expect(spec).toMatchObject({ tag: SEED_TAG, sections: { kind: "nested" }, declaredNotes: 25, declaredSections: 9, frozen: false });
		if (spec === null) return;
		const rebuilt = renderHubRegion(planHub(source, spec, SEED_HUB).region);

		const before = sectionsOf(regionOf(imported));
		const after = sectionsOf(rebuilt);
		expect(after.map((s) => s.heading)).toEqual(before.map((s) => s.heading));
		expect(after.map((s) => s.heading)).toEqual([
			"[[What RLVR Actually Does]]",
			"[[Exploration and Entropy Dynamics]]",
			"[[Training Efficiency]]",
			"[[Extending RLVR Beyond Math-Code|Extending RLVR Beyond Math/Code]]",
			"[[Process Reward Models]]",
			"[[Novel Architecture]]",
			"[[Metacognitive Process Supervision]]",
			"[[RLVR Side Effects]]",
		]);
		after.forEach((section, i) => {
			expect(section.count).toBe(before[i]?.count);
			expect([...section.cards].sort()).toEqual([...(before[i]?.cards ?? [])].sort());
		});
		expect(after.map((s) => s.cards.length)).toEqual([4, 3, 0, 4, 0, 0, 0, 3]);
		expect(rebuilt.split("\n")[1]).toBe("Topic Hub · 14 of 25 linked notes listed · 8 of 9 sections listed");
		expect(rebuilt.split("\n")[1]).toBe(regionOf(imported).split("\n")[1]);
		// Declared but unlisted: still a section, with its declared count and the note saying so.
		expect(rebuilt).toContain("## [[Training Efficiency]]\n\n0 of 1 note listed\n\n*Declared on the page, but none listed.*\n");
	});

	it("sorts cards by title by default, so an update of the imported hub only reorders cards", async () => {
		const vault = await seedVault();
		const source = sourceOf(vault);
		const hub = source.byPath.get(SEED_HUB);
		const spec = hub === undefined ? null : readHubSpec(hub, defaults);
		if (spec === null) throw new Error("no spec");
		const cards = sectionsOf(renderHubRegion(planHub(source, spec, SEED_HUB).region))[0]?.cards.map((c) => c.slice(0, c.indexOf("|")));
		expect(cards).toEqual([
			"- [[Can a single training example unlock mathematical reasoning",
			"- [[Does RLVR actually expand what models can reason about",
			"- [[Does RLVR actually improve mathematical reasoning or just coherence",
			"- [[Why do random rewards improve reasoning for some models but not others",
		]);
	});

	it("builds the same hub from the tag alone as a new hub, and a second update writes nothing", async () => {
		const vault = await seedVault();
		const source = sourceOf(vault);
		const spec = newHubSpec(`#${SEED_TAG}`, parseSectionMode("nested") ?? { kind: "auto" }, defaults);
		const fresh = planHub(source, spec, "Hubs/Mine.md");
		const seedNote = source.byPath.get(SEED_HUB);
		const seedSpec = seedNote === undefined ? null : readHubSpec(seedNote, defaults);
		if (seedSpec === null) throw new Error("the seed hub records no spec");
		const fromSeed = planHub(source, seedSpec, SEED_HUB);
		// The new hub has no declared counts of a page, so it shows what it lists; the cards are the same.
		expect(fresh.members).toEqual(fromSeed.members);
		expect(fresh.members).toHaveLength(14);
		expect(fresh.region.sections.map((s) => s.cards)).toEqual(fromSeed.region.sections.map((s) => s.cards));

		const first = await updateHubs(vault, source, defaults);
		expect(first).toEqual([{ path: SEED_HUB, tag: SEED_TAG, status: "updated", notes: 14, sections: 8 }]);
		const text = vault.files.get(SEED_HUB) ?? "";
		const second = await updateHubs(vault, sourceOf(vault), defaults);
		expect(second).toEqual([{ path: SEED_HUB, tag: SEED_TAG, status: "unchanged", notes: 14, sections: 8 }]);
		expect(vault.files.get(SEED_HUB)).toBe(text);
		// Everything outside the region is what the importer wrote.
		const imported = (await seedVault()).files.get(SEED_HUB) ?? "";
		expect(findHubRegion(text)?.before).toBe(findHubRegion(imported)?.before);
		expect(findHubRegion(text)?.after).toBe(findHubRegion(imported)?.after);
	});

	it("links cards through the host's link function", async () => {
		const vault = await seedVault();
		const base = sourceOf(vault);
		const source = hubSource(base.notes, { linkTarget: (path) => path.replace(/\.md$/, "") });
		const spec = newHubSpec(SEED_TAG, { kind: "nested" }, defaults);
		const region = renderHubRegion(planHub(source, spec, null).region);
		expect(region).toContain("- [[Questions/Can a single training example unlock mathematical reasoning|Can a single training example unlock mathematical reasoning?]] — Does minimal data");
	});
});
