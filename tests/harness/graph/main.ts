/**
 * The graph harness: mounts the real atlas graph view (src/obsidian/graph) on the demo vault inside the obsidian
 * stand-in, in a plain browser page. The browser test and `npm run preview` use it; window.atlasHarness exposes hooks.
 */
import type { PluginManifest, TFile } from "obsidian";
import { App, normalizePath, realApp } from "../../obsidian-stub/obsidian";
import ResearchAtlasPlugin from "../../../src/obsidian/main";
import { AtlasGraphView, GRAPH_VIEW_TYPE } from "../../../src/obsidian/graph/AtlasGraphView";
import { registerGraph, type GraphFeature } from "../../../src/obsidian/graph/registerGraph";
import { emptyPositions, parseStoredPositions, type StoredPositions } from "../../../src/core/graph/storedPositions";

/** What the page exposes to tests. */
export interface AtlasHarness {
	ready: Promise<void>;
	view(): AtlasGraphView;
	feature(): GraphFeature;
	/** Paths opened by clicks, in order. */
	opened: string[];
	/** Link texts of `hover-link` events, in order. */
	hovered: string[];
	setTheme(dark: boolean): void;
}

declare global {
	interface Window {
		atlasHarness: AtlasHarness;
	}
}

const STORAGE_KEY = "research-atlas-graph-positions";

class HarnessPlugin extends ResearchAtlasPlugin {
	feature: GraphFeature | null = null;

	override async onload(): Promise<void> {
		this.feature = registerGraph(this, {
			store: {
				read: () => {
					try {
						return Promise.resolve(parseStoredPositions(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "null")));
					} catch {
						return Promise.resolve(emptyPositions());
					}
				},
				write: (positions: StoredPositions) => {
					window.localStorage.setItem(STORAGE_KEY, JSON.stringify(positions));
					return Promise.resolve();
				},
			},
		});
		return Promise.resolve();
	}
}

async function boot(): Promise<void> {
	if (new URLSearchParams(window.location.search).has("dark")) document.body.classList.replace("theme-light", "theme-dark");
	const files = (await (await fetch("vault.json")).json()) as Record<string, string>;
	const app = new App();
	app.vault.seed(files);
	for (const [path, content] of Object.entries(files)) {
		const file = app.vault.getFileByPath(normalizePath(path));
		if (file?.extension === "md") app.metadataCache.indexText(file, content);
	}
	app.metadataCache.resolveAll();
	const manifest: PluginManifest = { id: "research-atlas", name: "Research Atlas", version: "0.0.0", minAppVersion: "1.7.2", description: "", author: "", dir: ".obsidian/plugins/research-atlas" };
	const plugin = new HarnessPlugin(realApp(app), manifest);
	plugin.load();
	app.workspace.on("hover-link", (info: { linktext: string }) => harness.hovered.push(info.linktext));
	app.workspace.on("file-open", (file: TFile | null) => {
		if (file !== null) harness.opened.push(file.path);
	});
	// A note tab first, as in a real workspace, so clicks on nodes have somewhere to open.
	app.workspace.getLeaf(false);
	const feature = plugin.feature;
	if (feature === null) throw new Error("the graph feature did not register");
	await feature.openGraph();
	const view = app.workspace.getLeavesOfType(GRAPH_VIEW_TYPE)[0]?.view;
	if (!(view instanceof AtlasGraphView)) throw new Error("the atlas graph view did not open");
	document.getElementById("atlas-host")?.appendChild(view.containerEl);
	view.onResize();
	harness.view = () => view;
	harness.feature = () => feature;
	// Ready once the layout has settled and the first settled frame is on screen.
	await new Promise<void>((resolve) => {
		const check = (): void => {
			const panel = view.getPanel();
			if (panel !== null && panel.isSettled() && panel.getGraph().nodes.length > 0) window.requestAnimationFrame(() => resolve());
			else window.setTimeout(check, 50);
		};
		check();
	});
	document.body.dataset.ready = "true";
}

const harness: AtlasHarness = {
	ready: Promise.resolve(),
	view: () => {
		throw new Error("not ready");
	},
	feature: () => {
		throw new Error("not ready");
	},
	opened: [],
	hovered: [],
	setTheme(dark) {
		document.body.classList.toggle("theme-dark", dark);
		document.body.classList.toggle("theme-light", !dark);
		window.atlasHarness.view().app.workspace.trigger("css-change");
	},
};
window.atlasHarness = harness;
harness.ready = boot().catch((error: unknown) => {
	document.body.dataset.error = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
	throw error;
});
