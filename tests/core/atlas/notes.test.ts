import { atlasToNotes, buildAtlas, type VaultNote } from "../../../src/core";
import { loadSeeds } from "../../helpers/seeds";

describe("atlasToNotes", () => {
	const empty = { paths: [], byId: new Map<string, string>(), withoutId: new Set<string>() };

	it("builds each note only when the iteration reaches it, and yields as many as it says, each at its planned path", () => {
		const atlas = buildAtlas(loadSeeds());
		const planned = atlasToNotes(atlas, empty, { root: "Atlas" });
		// Changed after planning, before iterating: a note built up front would not show it.
		const review = atlas.reviews.at(-1);
		const section = review?.sections.find((s) => s.heading !== "");
		if (review === undefined || section === undefined) throw new Error("the seeds hold a review with a heading");
		section.heading = "Heading changed after planning";
		const notes: VaultNote[] = [...planned.notes];
		expect(notes.find((n) => n.id === review.id)?.body).toContain("## Heading changed after planning");
		expect(notes).toHaveLength(planned.count);
		// Every planned path but the report's (written after the notes) belongs to exactly one note.
		expect(new Set(notes.map((n) => n.path)).size).toBe(planned.count);
		for (const n of notes) expect(planned.paths.get(n.id)).toBe(n.path);
		expect(planned.paths.size).toBe(planned.count + 1);
	});
});
