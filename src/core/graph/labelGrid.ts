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

/** Returns the indices (into `boxes`) of the labels to draw, taking candidates in the given order; a label must fit the view whole (a cut-off title reads as a different one). */
export function placeLabels(boxes: LabelBox[], width: number, height: number, cell = 8, limit = 200): number[] {
	const columns = Math.max(1, Math.ceil(width / cell));
	const rows = Math.max(1, Math.ceil(height / cell));
	const taken = new Uint8Array(columns * rows);
	const chosen: number[] = [];
	for (let b = 0; b < boxes.length && chosen.length < limit; b++) {
		const box = boxes[b];
		if (box === undefined || box.x < 0 || box.y < 0 || box.x + box.w > width || box.y + box.h > height) continue;
		const c0 = Math.max(0, Math.floor(box.x / cell));
		const c1 = Math.min(columns - 1, Math.floor((box.x + box.w) / cell));
		const r0 = Math.max(0, Math.floor(box.y / cell));
		const r1 = Math.min(rows - 1, Math.floor((box.y + box.h) / cell));
		let free = true;
		for (let r = r0; r <= r1 && free; r++) for (let c = c0; c <= c1; c++) if (taken[r * columns + c] === 1) { free = false; break; }
		if (!free) continue;
		for (let r = r0; r <= r1; r++) taken.fill(1, r * columns + c0, r * columns + c1 + 1);
		chosen.push(b);
	}
	return chosen;
}
