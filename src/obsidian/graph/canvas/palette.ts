/**
 * Colours from the theme: every colour is an Obsidian CSS variable resolved through a probe element, so the graph
 * follows light, dark and community themes, and is read again when the theme changes.
 */
import type { GraphNodeKind } from "../../../core/graph/model";

/** Resolved colours (any CSS colour string the canvas accepts). */
export interface GraphPalette {
	background: string;
	text: string;
	textMuted: string;
	link: string;
	accent: string;
	/** Font family for labels (the interface font). */
	font: string;
	kinds: Record<GraphNodeKind, string>;
	/** Hull tints, one per cluster in turn. */
	clusters: string[];
}

const KIND_VARIABLES: Record<GraphNodeKind, [string, string]> = {
	cluster: ["--color-purple", "#a882ff"],
	subtopic: ["--color-blue", "#027aff"],
	hub: ["--color-orange", "#ec7500"],
	section: ["--color-yellow", "#e0ac00"],
	question: ["--color-green", "#08b94e"],
	review: ["--color-cyan", "#00bfbc"],
	episode: ["--color-red", "#e93147"],
	note: ["--text-muted", "#5c5c5c"],
};

const CLUSTER_VARIABLES: [string, string][] = [
	["--color-purple", "#a882ff"],
	["--color-blue", "#027aff"],
	["--color-orange", "#ec7500"],
	["--color-green", "#08b94e"],
	["--color-pink", "#d53984"],
	["--color-cyan", "#00bfbc"],
	["--color-yellow", "#e0ac00"],
	["--color-red", "#e93147"],
];

/** The fixed colours used where no stylesheet is present (and as each variable's fallback). */
export const FALLBACK_PALETTE: GraphPalette = {
	background: "#ffffff",
	text: "#222222",
	textMuted: "#5c5c5c",
	link: "#ababab",
	accent: "#7852ee",
	font: "sans-serif",
	kinds: Object.fromEntries(Object.entries(KIND_VARIABLES).map(([k, [, v]]) => [k, v])) as Record<GraphNodeKind, string>,
	clusters: CLUSTER_VARIABLES.map(([, v]) => v),
};

/**
 * Resolves the palette against the styles that apply to `probe` (an element inside the graph, e.g. its canvas): each
 * variable is set as the probe's colour for a moment and read back resolved, then the probe's own colour is restored.
 */
export function readPalette(probe: HTMLElement): GraphPalette {
	const view = probe.ownerDocument.defaultView;
	if (view === null || !probe.isConnected) return FALLBACK_PALETTE;
	const previous = probe.style.getPropertyValue("color");
	const resolve = ([variable, fallback]: [string, string]): string => {
		probe.style.setProperty("color", `var(${variable}, ${fallback})`);
		const value = view.getComputedStyle(probe).color;
		return value === "" ? fallback : value;
	};
	try {
		return {
			background: resolve(["--background-primary", FALLBACK_PALETTE.background]),
			text: resolve(["--text-normal", FALLBACK_PALETTE.text]),
			textMuted: resolve(["--text-muted", FALLBACK_PALETTE.textMuted]),
			link: resolve(["--text-faint", FALLBACK_PALETTE.link]),
			accent: resolve(["--interactive-accent", FALLBACK_PALETTE.accent]),
			font: view.getComputedStyle(probe).fontFamily || FALLBACK_PALETTE.font,
			kinds: Object.fromEntries(Object.entries(KIND_VARIABLES).map(([k, pair]) => [k, resolve(pair)])) as Record<GraphNodeKind, string>,
			clusters: CLUSTER_VARIABLES.map(resolve),
		};
	} finally {
		if (previous === "") probe.style.removeProperty("color");
		else probe.style.setProperty("color", previous);
	}
}
