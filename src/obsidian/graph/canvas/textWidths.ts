/**
 * Label widths from per-character advances: `measureText` shapes the whole string on every call (about 20 µs a title
 * in Chromium, a few hundred titles on a first draw), while a title's width is within a fraction of a pixel of the sum
 * of its characters' widths (kerning aside), each measured once per font.
 */

/** Measures text widths for label boxes, CSS pixels; DOM only. */
export class TextWidths {
	private readonly context: CanvasRenderingContext2D | null;
	private font = "";
	private readonly advances = new Map<string, Map<string, number>>();

	constructor() {
		this.context = createEl("canvas").getContext("2d");
	}

	/** The width of `text` in `font` (a CSS font shorthand). */
	width(text: string, font: string): number {
		let advances = this.advances.get(font);
		if (advances === undefined) {
			advances = new Map();
			this.advances.set(font, advances);
		}
		let width = 0;
		for (const char of text) {
			let advance = advances.get(char);
			if (advance === undefined) {
				advance = this.measure(char, font);
				advances.set(char, advance);
			}
			width += advance;
		}
		return width;
	}

	/** Forgets every advance (the theme's font may have changed). */
	clear(): void {
		this.advances.clear();
	}

	private measure(char: string, font: string): number {
		const context = this.context;
		if (context === null) return 0;
		// Setting the font parses it: only when it changes.
		if (this.font !== font) context.font = this.font = font;
		return context.measureText(char).width;
	}
}
