import { EPISODE_ZOOM, maxLevelAt, NOTE_ZOOM } from "../../../src/core";
import { OVERVIEW_BUDGET, SUBTOPIC_ZOOM } from "../../../src/core/graph/viewTransform";

describe("maxLevelAt", () => {
	it("reveals notes, then episodes, as the view zooms in", () => {
		expect([0.1, NOTE_ZOOM - 0.01, NOTE_ZOOM, EPISODE_ZOOM - 0.01, EPISODE_ZOOM, 4].map((k) => maxLevelAt(k))).toEqual([1, 1, 2, 2, 3, 3]);
	});

	it("keeps a large overview to clusters and hubs until sub-topics have room", () => {
		const large = OVERVIEW_BUDGET + 1;
		expect([0.01, SUBTOPIC_ZOOM - 0.01, SUBTOPIC_ZOOM, NOTE_ZOOM, EPISODE_ZOOM].map((k) => maxLevelAt(k, large))).toEqual([0, 0, 1, 2, 3]);
		// An overview within the budget shows its sub-topics at every zoom.
		expect(maxLevelAt(0.01, OVERVIEW_BUDGET)).toBe(1);
	});
});
