/**
 * Label images packed into a few shared canvases (pages), row by row: text is slow to raster, so each label is drawn
 * once and copied every frame; one canvas per label would cost a canvas and a context each (about 0.2 ms apiece in
 * Chromium, so most of a first draw's labels). When every page is full, the oldest page is emptied and reused.
 */

/** Where one label's image is: a page and a rectangle on it, device pixels. */
export interface AtlasSlot {
	page: HTMLCanvasElement;
	x: number;
	y: number;
	w: number;
	h: number;
	/** What it was drawn with (font, colours, pixel ratio): another style draws it again. */
	style: string;
}

interface Page {
	canvas: HTMLCanvasElement;
	context: CanvasRenderingContext2D;
	/** The row being filled: its top, height so far, and the next free x. */
	rowY: number;
	rowH: number;
	x: number;
	/** Drawn into since `settle` last rastered it. */
	drawn: boolean;
}

/** Room between slots, device pixels, so that no glyph or halo bleeds into a neighbour. */
const GAP = 2;

/** Label images by key (a node and its label style), DOM only. */
export class LabelAtlas {
	private readonly pages: Page[] = [];
	private readonly slots = new Map<number, AtlasSlot & { index: number }>();
	/** The page being filled, and the one to empty when every page is full. */
	private current = 0;
	private oldest = 0;
	/** Page side, device pixels: grows with the pixel ratio, so a page holds as many labels on every screen. */
	private size = 0;
	/** A 1 × 1 canvas that pages are copied into by `settle` (made on first use). */
	private scratch: CanvasRenderingContext2D | null = null;

	/** `maxPages` pages of `pageSize` × the pixel ratio (device pixels) square at most. */
	constructor(
		private readonly maxPages = 6,
		private readonly pageSize = 1024,
	) {}

	/** The slot drawn for `key` in `style`, if there is one. */
	get(key: number, style: string): AtlasSlot | undefined {
		const slot = this.slots.get(key);
		return slot !== undefined && slot.style === style ? slot : undefined;
	}

	/**
	 * Reserves a w × h slot (device pixels) for `key` and gives the context of its page to draw it in (its transform
	 * is the identity; the caller saves and restores any other state it sets). Null when the slot cannot fit a page.
	 * Reserving may empty the oldest page: check slots taken before with `get` before copying from them.
	 */
	add(key: number, style: string, w: number, h: number, ratio: number): { slot: AtlasSlot; context: CanvasRenderingContext2D } | null {
		const size = this.sizeFor(ratio);
		if (w > size || h > size) return null;
		let page = this.pages[this.current];
		if (page !== undefined && page.x + w > size) {
			page.rowY += page.rowH + GAP;
			page.rowH = 0;
			page.x = 0;
		}
		if (page === undefined || page.rowY + h > size) {
			if (this.pages.length < this.maxPages) {
				page = this.newPage();
				if (page === undefined) return null;
				this.current = this.pages.length - 1;
			} else {
				this.current = this.oldest;
				this.oldest = (this.oldest + 1) % this.maxPages;
				page = this.empty(this.current);
			}
			if (page === undefined) return null;
		}
		const slot = { page: page.canvas, x: page.x, y: page.rowY, w, h, style, index: this.current };
		page.x += w + GAP;
		page.rowH = Math.max(page.rowH, h);
		page.drawn = true;
		// A key keeps one slot: the one it had (another style) is left as unused room until its page is emptied.
		this.slots.set(key, slot);
		return { slot, context: page.context };
	}

	/** Makes the first page ahead of the first label (a large canvas is slow to make the first time). */
	prepare(ratio: number): void {
		this.sizeFor(ratio);
		if (this.pages.length === 0) this.newPage();
	}

	/**
	 * Rasters the labels drawn since the last call, now: the browser records a canvas's text and rasters it when the
	 * canvas is first copied from, which would otherwise be the first frame that shows these labels.
	 */
	settle(): void {
		for (const page of this.pages) {
			if (!page.drawn) continue;
			page.drawn = false;
			this.scratch ??= createEl("canvas", { attr: { width: 1, height: 1 } }).getContext("2d");
			this.scratch?.drawImage(page.canvas, 0, 0, 1, 1, 0, 0, 1, 1);
		}
	}

	/** Forgets every label (a theme change or a new graph). */
	clear(): void {
		for (let index = 0; index < this.pages.length; index++) this.empty(index);
		this.slots.clear();
		this.current = 0;
		this.oldest = 0;
	}

	/** The page side for a pixel ratio; a new side drops every page. */
	private sizeFor(ratio: number): number {
		const size = this.pageSize * Math.min(3, Math.max(1, Math.ceil(ratio)));
		if (size !== this.size) {
			this.pages.length = 0;
			this.slots.clear();
			this.current = 0;
			this.oldest = 0;
			this.size = size;
		}
		return size;
	}

	private newPage(): Page | undefined {
		const canvas = createEl("canvas");
		canvas.width = this.size;
		canvas.height = this.size;
		const context = canvas.getContext("2d");
		if (context === null) return undefined;
		const page = { canvas, context, rowY: 0, rowH: 0, x: 0, drawn: false };
		this.pages.push(page);
		return page;
	}

	private empty(index: number): Page | undefined {
		const page = this.pages[index];
		if (page === undefined) return undefined;
		page.context.setTransform(1, 0, 0, 1, 0, 0);
		page.context.clearRect(0, 0, page.canvas.width, page.canvas.height);
		page.rowY = 0;
		page.rowH = 0;
		page.x = 0;
		page.drawn = false;
		for (const [key, slot] of this.slots) if (slot.index === index) this.slots.delete(key);
		return page;
	}
}
