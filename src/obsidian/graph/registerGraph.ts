/** Wires the atlas graph: the view, its ribbon icon and commands, the ```atlas-graph``` code block, page previews. */
import type { Events, WorkspaceLeaf } from "obsidian";
import type ResearchAtlasPlugin from "../main";
import { revealLeaf } from "../workspace/revealLeaf";
import { AtlasGraphView, GRAPH_VIEW_TYPE, type GraphViewContext, type GraphViewState } from "./AtlasGraphView";
import { GRAPH_BLOCK_LANGUAGE, GraphBlock } from "./GraphBlock";
import { GraphData } from "./GraphData";
import { PositionFile, type PositionStore } from "./positionFile";
import { LAYOUT_WORKER_SOURCE } from "./worker/workerSource";

/** The running feature (for tests and the settings tab). */
export interface GraphFeature {
	data: GraphData;
	openGraph(): Promise<void>;
	openLocal(path: string): Promise<void>;
}

function stateOf(leaf: WorkspaceLeaf): Partial<GraphViewState> {
	const state: Partial<GraphViewState> = leaf.getViewState().state ?? {};
	return state;
}

/** Replacements for tests and the browser harness. */
export interface GraphEnvironment {
	/** The layout worker's code (default: the one inlined by the build; null runs the layout on the main thread). */
	workerSource?: string | null;
	/** Where positions persist (default: a JSON file in the plugin folder). */
	store?: PositionStore;
}

/** Registers everything on the plugin; all of it is undone when the plugin unloads. */
export function registerGraph(plugin: ResearchAtlasPlugin, environment: GraphEnvironment = {}): GraphFeature {
	const app = plugin.app;
	const workerSource = environment.workerSource === undefined ? LAYOUT_WORKER_SOURCE : environment.workerSource;
	const store = environment.store ?? new PositionFile(app.vault.adapter, plugin.manifest.dir ?? `${app.vault.configDir}/plugins/${plugin.manifest.id}`);
	const data = plugin.addChild(new GraphData(app, store, () => plugin.settings.graphIncludeOtherNotes));

	const openGraph = async (): Promise<void> => {
		const existing = app.workspace.getLeavesOfType(GRAPH_VIEW_TYPE).find((leaf) => stateOf(leaf).local !== true);
		const leaf = existing ?? app.workspace.getLeaf("tab");
		if (existing === undefined) await leaf.setViewState({ type: GRAPH_VIEW_TYPE, active: true, state: { local: false, file: null, depth: 1 } });
		await revealLeaf(app.workspace, leaf);
	};
	const openLocal = async (path: string): Promise<void> => {
		const existing = app.workspace.getLeavesOfType(GRAPH_VIEW_TYPE).find((leaf) => stateOf(leaf).local === true);
		const leaf = existing ?? app.workspace.getRightLeaf(false);
		if (leaf === null) return;
		const depth = existing === undefined ? 1 : (stateOf(existing).depth ?? 1);
		await leaf.setViewState({ type: GRAPH_VIEW_TYPE, active: true, state: { local: true, file: path, depth } });
		await revealLeaf(app.workspace, leaf);
	};
	const context: GraphViewContext = { data, workerSource, openLocal };

	plugin.registerView(GRAPH_VIEW_TYPE, (leaf) => new AtlasGraphView(leaf, context));
	plugin.registerHoverLinkSource(GRAPH_VIEW_TYPE, { display: "Atlas graph", defaultMod: true });
	plugin.addRibbonIcon("orbit", "Open atlas graph", () => void openGraph());
	plugin.addCommand({ id: "open-graph", name: "Open atlas graph", callback: () => void openGraph() });
	plugin.addCommand({
		id: "open-local-graph",
		name: "Open local atlas graph",
		checkCallback: (checking) => {
			const file = app.workspace.getActiveFile();
			if (file === null || file.extension !== "md") return false;
			if (!checking) void openLocal(file.path);
			return true;
		},
	});
	plugin.addCommand({ id: "reset-graph-layout", name: "Reset atlas graph layout", callback: () => void data.forgetPositions() });
	plugin.registerMarkdownCodeBlockProcessor(GRAPH_BLOCK_LANGUAGE, (source, el, ctx) => {
		ctx.addChild(new GraphBlock(el, source, app, context, ctx.sourcePath));
	});
	// The workspace as a plain event bus: the plugin announces its own settings changes on it (see main.ts).
	const bus: Events = app.workspace;
	plugin.registerEvent(bus.on("research-atlas:settings-changed", () => data.rebuild()));
	plugin.registerEvent(bus.on("research-atlas:reset-graph-layout", () => void data.forgetPositions()));
	return { data, openGraph, openLocal };
}
