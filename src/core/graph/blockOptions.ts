/**
 * Options of an ```atlas-graph``` code block, one `key: value` per line:
 * `cluster: <title>` (or `hub:`), `local: true`, `note: [[Title]]`, `depth: 1–3`, `height: 200–1200`, `labels: false`.
 */

/** What the block shows. */
export interface GraphBlockOptions {
	/** `cluster`: one cluster (or hub); `local`: the neighbourhood of a note; `all`: the whole atlas. */
	mode: "cluster" | "local" | "all";
	/** Cluster or hub title (mode `cluster`). */
	cluster: string;
	/** Link text of the centre note (mode `local`); "" means the note holding the block. */
	note: string;
	/** Link depth of a local graph, 1–3. */
	depth: number;
	/** Height in pixels. */
	height: number;
	labels: boolean;
	/** Lines that were not understood, for a hint under the graph. */
	problems: string[];
}

const TRUE = new Set(["true", "yes", "on", "1"]);
const FALSE = new Set(["false", "no", "off", "0"]);

function unwrapLink(value: string): string {
	const m = /^\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]$/.exec(value.trim());
	return (m?.[1] ?? value).trim().replace(/^["']|["']$/g, "");
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

/** Parses the block's source. With no options at all, the block shows the local graph of its note. */
export function parseGraphBlock(source: string): GraphBlockOptions {
	const options: GraphBlockOptions = { mode: "local", cluster: "", note: "", depth: 1, height: 400, labels: true, problems: [] };
	let explicitMode = false;
	for (const raw of source.split(/\r?\n/)) {
		const line = raw.trim();
		if (line === "" || line.startsWith("#") || line.startsWith("//")) continue;
		const m = /^([A-Za-z_-]+)\s*:\s*(.*)$/.exec(line);
		const key = m?.[1]?.toLowerCase();
		const value = (m?.[2] ?? "").trim();
		if (key === "cluster" || key === "hub") {
			options.mode = "cluster";
			options.cluster = unwrapLink(value);
			explicitMode = true;
		} else if (key === "local" && (TRUE.has(value.toLowerCase()) || FALSE.has(value.toLowerCase()))) {
			if (TRUE.has(value.toLowerCase())) options.mode = "local";
			else if (!explicitMode) options.mode = "all";
			explicitMode = true;
		} else if (key === "note") {
			options.mode = "local";
			options.note = unwrapLink(value);
			explicitMode = true;
		} else if (key === "depth" && /^\d+$/.test(value)) options.depth = clamp(Number(value), 1, 3);
		else if (key === "height" && /^\d+(px)?$/.test(value)) options.height = clamp(parseInt(value, 10), 200, 1200);
		else if (key === "labels" && (TRUE.has(value.toLowerCase()) || FALSE.has(value.toLowerCase()))) options.labels = TRUE.has(value.toLowerCase());
		else if (key === "scope" && (value === "all" || value === "atlas")) {
			options.mode = "all";
			explicitMode = true;
		} else options.problems.push(line);
	}
	if (options.mode === "cluster" && options.cluster === "") options.problems.push("cluster: needs a cluster or hub title");
	return options;
}
