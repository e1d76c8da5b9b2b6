/** Graph search: which nodes match a query typed in the search box. */
import type { Graph } from "./model";

/** Case- and accent-insensitive form used for matching. */
function fold(text: string): string {
	return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A mask (1 = match) of nodes whose title or file name contains every word of the query; null for an empty query. */
export function searchNodes(graph: Graph, query: string): Uint8Array | null {
	const words = fold(query).split(/\s+/).filter((w) => w !== "");
	if (words.length === 0) return null;
	const mask = new Uint8Array(graph.nodes.length);
	graph.nodes.forEach((node, i) => {
		// Title and file name only: folder names would match every note inside a folder.
		const text = fold(`${node.title} ${node.id.split("/").pop() ?? ""}`);
		if (words.every((w) => text.includes(w))) mask[i] = 1;
	});
	return mask;
}

/** How many entries of a mask are set. */
export function countMask(mask: Uint8Array | null): number {
	if (mask === null) return 0;
	let n = 0;
	for (const v of mask) n += v;
	return n;
}
