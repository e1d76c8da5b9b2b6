/**
 * Label placement: candidates in priority order claim the grid cells their box covers; a label whose cells are taken
 * is skipped. Labels never overlap and the most important ones win, at a cost linear in the candidates.
 */

/** A label box in screen pixels (x, y: top-left). */
export interface LabelBox {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** A grid of claimed cells over a width × height view: labels offered in priority order take their cells or are turned away. */
export class LabelGrid {
	private readonly columns: number;
	private readonly rows: number;
	private readonly taken: Uint8Array;

	constructor(
		private readonly width: number,
		private readonly height: number,
		private readonly cell = 8,
	) {
		this.columns = Math.max(1, Math.ceil(width / cell));
		this.rows = Math.max(1, Math.ceil(height / cell));
		this.taken = new Uint8Array(this.columns * this.rows);
	}

	/** Places the label if it fits the view whole (a cut-off title reads as a different one) and no placed label overlaps it. */
	place(box: LabelBox): boolean {
		const { columns, rows, cell, taken } = this;
		if (box.x < 0 || box.y < 0 || box.x + box.w > this.width || box.y + box.h > this.height) return false;
		const c0 = Math.max(0, Math.floor(box.x / cell));
		const c1 = Math.min(columns - 1, Math.floor((box.x + box.w) / cell));
		const r0 = Math.max(0, Math.floor(box.y / cell));
		const r1 = Math.min(rows - 1, Math.floor((box.y + box.h) / cell));
		for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (taken[r * columns + c] === 1) return false;
		for (let r = r0; r <= r1; r++) taken.fill(1, r * columns + c0, r * columns + c1 + 1);
		return true;
	}
}

/** Returns the indices (into `boxes`) of the labels to draw, taking candidates in the given order, `limit` at most. */
export function placeLabels(boxes: LabelBox[], width: number, height: number, cell = 8, limit = 200): number[] {
	const grid = new LabelGrid(width, height, cell);
	const chosen: number[] = [];
	for (let b = 0; b < boxes.length && chosen.length < limit; b++) {
		const box = boxes[b];
		if (box !== undefined && grid.place(box)) chosen.push(b);
	}
	return chosen;
}
