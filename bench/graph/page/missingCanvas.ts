/** Stands in for the graph view's renderer until src/obsidian/graph/canvas/GraphCanvas.ts exists; the driver reports it as not measured. */
export class GraphCanvas {
	constructor() {
		throw new Error("src/obsidian/graph/canvas/GraphCanvas.ts is not in the tree yet");
	}
}
