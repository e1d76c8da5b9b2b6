/** What every renderer under test offers the benchmark: draw given positions, draw a panned view, go away. */
export interface BenchView {
	/** Applies a layout step's positions (x0, y0, x1, y1, …) and draws, synchronously where the renderer allows. */
	frame(positions: Float32Array): void;
	/** Pans and zooms (screen = world × k + (x, y)) and draws. */
	view(x: number, y: number, k: number): void;
	destroy(): void;
}

/** The viewport the benchmark renders into, in CSS pixels (device pixel ratio 1 in headless chromium). */
export const WIDTH = 1280;
/** See WIDTH. */
export const HEIGHT = 720;
