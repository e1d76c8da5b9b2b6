/**
 * @jest-environment jsdom
 *
 * LabelAtlas: label images share a few page canvases, filled row by row; a slot is found again by key and style, and
 * when every page is full the oldest page is emptied for new labels.
 */
import { installDomHelpers } from "../../../obsidian-stub/dom";
import { LabelAtlas } from "../../../../src/obsidian/graph/canvas/LabelAtlas";
import { installCanvasStandIn } from "../graphPlugin";

beforeAll(() => {
	installDomHelpers();
	installCanvasStandIn();
});

describe("LabelAtlas", () => {
	it("finds a slot again by key and style, and packs slots side by side, then row by row", () => {
		const atlas = new LabelAtlas(2, 100);
		const a = atlas.add(1, "plain", 40, 10, 1)?.slot;
		const b = atlas.add(2, "plain", 40, 12, 1)?.slot;
		const c = atlas.add(3, "plain", 40, 10, 1)?.slot;
		expect(atlas.get(1, "plain")).toBe(a);
		expect(atlas.get(1, "muted")).toBeUndefined();
		expect([a?.x, a?.y, b?.x, b?.y]).toEqual([0, 0, 42, 0]);
		// No room left in the first row (40 + 2 + 40 + 2 + 40 > 100): the next row starts under the tallest slot.
		expect([c?.x, c?.y]).toEqual([0, 14]);
		expect(c?.page).toBe(a?.page);
	});

	it("empties the oldest page when every page is full, and forgets the labels that were on it", () => {
		const atlas = new LabelAtlas(2, 100);
		// Two 100 × 60 slots fill two pages.
		const first = atlas.add(1, "plain", 100, 60, 1)?.slot;
		const second = atlas.add(2, "plain", 100, 60, 1)?.slot;
		expect(second?.page).not.toBe(first?.page);
		const third = atlas.add(3, "plain", 100, 60, 1)?.slot;
		expect(third?.page).toBe(first?.page);
		expect(atlas.get(1, "plain")).toBeUndefined();
		expect(atlas.get(2, "plain")).toBe(second);
		expect(atlas.add(4, "plain", 101, 10, 1)).toBeNull();
	});

	it("settle rasters each page drawn into since the last settle, once, by copying from it", () => {
		const atlas = new LabelAtlas(2, 100);
		const a = atlas.add(1, "plain", 100, 60, 1)?.slot;
		const b = atlas.add(2, "plain", 100, 60, 1)?.slot;
		// Every stand-in canvas shares one context: the copies settle makes land here.
		const context = document.createElement("canvas").getContext("2d") as unknown as { drawImage?: (source: unknown) => void };
		const copied: unknown[] = [];
		context.drawImage = (source) => copied.push(source);
		try {
			atlas.settle();
			expect(copied).toEqual([a?.page, b?.page]);
			atlas.settle();
			expect(copied).toHaveLength(2);
			// Room is left on the second page: a new label there makes only that page to raster again.
			expect(atlas.add(3, "plain", 10, 10, 1)?.slot.page).toBe(b?.page);
			atlas.settle();
			expect(copied).toEqual([a?.page, b?.page, b?.page]);
		} finally {
			delete context.drawImage;
		}
	});

	it("starts again at another pixel ratio, with pages to match", () => {
		const atlas = new LabelAtlas(2, 100);
		atlas.add(1, "plain", 40, 10, 1);
		const sharp = atlas.add(2, "plain", 150, 10, 2)?.slot;
		expect(sharp?.page.width).toBe(200);
		expect(atlas.get(1, "plain")).toBeUndefined();
	});
});
