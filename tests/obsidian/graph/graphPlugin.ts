/**
 * Shared set-up for the graph tests against the obsidian stand-in: a plugin with only the graph registered (layout on
 * the main thread, positions in memory) and a Canvas 2D stand-in, since jsdom has no canvas.
 */
import type { MarkdownPostProcessorContext } from "obsidian";
import { App, Component, Plugin as StubPlugin, stubOf } from "../../obsidian-stub/obsidian";
import ResearchAtlasPlugin from "../../../src/obsidian/main";
import { registerGraph, type GraphFeature } from "../../../src/obsidian/graph/registerGraph";
import { emptyPositions, type StoredPositions } from "../../../src/core/graph/storedPositions";
import { asRealApp, createApp, MANIFEST } from "../../helpers/memoryApp";

export { MANIFEST };

/** The plugin with only the graph feature, its positions kept in memory. */
export class GraphPlugin extends ResearchAtlasPlugin {
	feature!: GraphFeature;
	readonly saved: StoredPositions[] = [];
	stored: StoredPositions = emptyPositions();

	override onload(): Promise<void> {
		this.feature = registerGraph(this, {
			workerSource: null,
			store: {
				read: () => Promise.resolve(JSON.parse(JSON.stringify(this.stored)) as StoredPositions),
				write: (positions) => {
					this.saved.push(JSON.parse(JSON.stringify(positions)) as StoredPositions);
					return Promise.resolve();
				},
			},
		});
		return Promise.resolve();
	}
}

/** A small atlas: a cluster with a sub-topic, two questions, an episode, and a note outside the atlas. */
export const FILES: Record<string, string> = {
	"Clusters/C1.md": "---\ntype: cluster\ntitle: C1\ntags: [cluster/c1]\n---\n",
	"Clusters/C1/Sub.md": "---\ntype: subtopic\ntitle: Sub\ncluster: '[[C1]]'\ntags: [cluster/c1/sub]\n---\n",
	"Questions/Why.md": "---\ntype: question\ntitle: Why?\ntags: [cluster/c1/sub]\n---\nSee [[E001]].\n",
	"Questions/What.md": "---\ntype: question\ntitle: What?\ndescription: A second question.\ntags: [cluster/c1/sub]\n---\nSee [[Why]].\n",
	"Episodes/E001.md": "---\ntype: episode\ncode: E001\n---\n",
	"Notes/Mine.md": "My thoughts on [[Why]].\n",
};

/** Loads the plugin over `files` and waits for the graph data. */
export async function start(files = FILES, stored?: StoredPositions): Promise<{ app: App; plugin: GraphPlugin; stub: StubPlugin }> {
	const app = createApp(files);
	const plugin = new GraphPlugin(asRealApp(app), MANIFEST);
	if (stored !== undefined) plugin.stored = stored;
	const stub = stubOf(plugin, StubPlugin);
	await stub.loadForTest();
	await plugin.feature.data.ready;
	return { app, plugin, stub };
}

/** Waits (polling) until `condition` holds. */
export async function until(condition: () => boolean, ms = 3000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > ms) throw new Error("condition not met in time");
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/**
 * jsdom has no Canvas 2D: a context that accepts every call and measures text at 6 px a character, and a Path2D that
 * draws nothing. Enough for the panel to run; the browser test looks at real pixels.
 */
export function installCanvasStandIn(): void {
	const globals = globalThis as { Path2D?: unknown };
	globals.Path2D ??= class {
		moveTo(): void {}
		lineTo(): void {}
		arc(): void {}
		closePath(): void {}
	};
	const state: Record<string | symbol, unknown> = {};
	const context = new Proxy(state, {
		get: (target, key) => (key === "measureText" ? (text: string) => ({ width: text.length * 6 }) : key in target ? target[key] : () => undefined),
		set: (target, key, value) => {
			target[key] = value;
			return true;
		},
	});
	HTMLCanvasElement.prototype.getContext = function getContext() {
		return context;
	} as unknown as typeof HTMLCanvasElement.prototype.getContext;
}

/** Runs the atlas-graph code block processor as Obsidian would for a block in `sourcePath`; returns its element and children. */
export function renderBlock(stub: StubPlugin, source: string, sourcePath: string): { el: HTMLElement; children: Component[] } {
	const processor = stub.processors.find((p) => p.kind === "code-block" && p.language === "atlas-graph");
	if (processor === undefined) throw new Error("no atlas-graph processor");
	const el = document.body.createDiv();
	const children: Component[] = [];
	const ctx = {
		docId: "doc",
		sourcePath,
		frontmatter: undefined,
		addChild: (child: Component) => {
			children.push(child);
			child.load();
		},
		getSectionInfo: () => null,
	} as unknown as MarkdownPostProcessorContext;
	(processor.handler as (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => void)(source, el, ctx);
	return { el, children };
}
