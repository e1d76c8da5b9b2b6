import { placeLabels } from "../../../src/core/graph/labelGrid";

describe("placeLabels", () => {
	it("takes labels in priority order and skips those overlapping one already placed or outside the view", () => {
		const boxes = [
			{ x: 10, y: 10, w: 60, h: 12 },
			{ x: 40, y: 14, w: 60, h: 12 }, // overlaps the first
			{ x: 10, y: 40, w: 60, h: 12 },
			{ x: 500, y: 10, w: 60, h: 12 }, // outside a 200 × 100 view
			{ x: 120, y: 10, w: 60, h: 12 },
		];
		expect(placeLabels(boxes, 200, 100, 8)).toEqual([0, 2, 4]);
	});

	it("skips labels the view's edge would cut", () => {
		const boxes = [
			{ x: -4, y: 10, w: 60, h: 12 }, // past the left edge
			{ x: 150, y: 40, w: 60, h: 12 }, // past the right edge of a 200-pixel view
			{ x: 10, y: 95, w: 60, h: 12 }, // past the bottom
			{ x: 0, y: 0, w: 200, h: 12 }, // exactly inside
		];
		expect(placeLabels(boxes, 200, 100, 8)).toEqual([3]);
	});

	it("stops at the limit", () => {
		const boxes = Array.from({ length: 10 }, (_, i) => ({ x: 0, y: i * 20, w: 30, h: 10 }));
		expect(placeLabels(boxes, 100, 400, 8, 3)).toEqual([0, 1, 2]);
	});
});
