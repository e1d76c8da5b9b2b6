/**
 * The bundle harness: loads the shipped main.js (as served, never rebuilt) the way Obsidian loads a community plugin,
 * with the obsidian stand-in as require("obsidian") and the real @codemirror/state and @codemirror/view, over the demo
 * vault. `?mode=desktop` gives the page Node-like globals (process, Buffer, global) and a require() that also answers
 * Node built-ins with recording stubs; `?mode=mobile` removes those globals and makes require() throw for anything
 * but the app-provided modules. The page never imports src/: it drives the plugin only through what main.js
 * registered (commands, views, post-processors). window.pluginHarness exposes the steps to the browser test.
 */
import * as codemirrorState from "@codemirror/state";
import * as codemirrorView from "@codemirror/view";
import type { PluginManifest, TFile } from "obsidian";
import * as obsidian from "../../obsidian-stub/obsidian";
import { App, Component, MarkdownRenderer, Modal, Notice, Plugin, SuggestModal, WorkspaceLeaf, normalizePath, realApp, setPlatform } from "../../obsidian-stub/obsidian";

/** What the builder writes next to the page (config.json). */
interface HarnessConfig {
	manifest: PluginManifest;
	/** The plugin's data.json in the demo vault. */
	data: unknown;
	/** Node's built-in module names (node:module's builtinModules), plus "electron". */
	nodeBuiltins: string[];
}

/** The view types the plugin registers (persisted in workspace.json, so they are part of its contract). */
export const VIEW_TYPES = { graph: "research-atlas-graph", citations: "research-atlas-episode-citations", related: "research-atlas-related" } as const;

export interface LoadInfo {
	mode: "desktop" | "mobile";
	/** typeof Buffer / process / global / require in the page before and after the harness set the mode up. */
	globalsBefore: Record<string, string>;
	globalsAfter: Record<string, string>;
	platform: { isDesktop: boolean; isMobile: boolean };
	/** Every name main.js passed to require(), in order. */
	requested: string[];
	/** Names require() refused (thrown). */
	refused: string[];
	/** Every use of a Node stub (desktop only): "fs", "fs.readFileSync", "Buffer.from", ... */
	nodeUses: string[];
	/** SHA-256 (hex) and length of the main.js text the page evaluated. */
	bundle: { name: string; sha256: string; length: number };
	commands: string[];
	views: string[];
	processors: Array<{ kind: string; language?: string }>;
	editorExtensions: number;
	settingTabs: number;
	ribbonIcons: string[];
	vaultFiles: number;
}

export interface RenderResult {
	/** Plain codes the post-processor turned into links: [code, data-href, resolved]. */
	codeLinks: Array<[string, string, boolean]>;
	/** Existing [[E…]] links it decorated with a count: [code, count]. */
	counted: Array<[string, string]>;
	/** Plain E-codes left as text after post-processing. */
	plainLeft: number;
	/** The path opened by clicking the first code link (null when nothing opened). */
	clicked: string | null;
}

export interface CommandResult {
	notices: string[];
	/** Vault paths whose content changed, appeared or disappeared. */
	changed: string[];
	/** Each changed file, before and after (null: absent). */
	diffs: Array<{ path: string; before: string | null; after: string | null }>;
}

export interface FolderImportResult {
	notices: string[];
	/** The notice's message at each animation frame the page drew while the import ran. */
	frames: string[];
	/** Files that appeared in the vault (the atlas's new notes). */
	created: number;
	/** Workers the import started, the analyses and errors they sent, and how many of the page's workers still run. */
	workersStarted: number;
	analysesAnswered: number;
	workerErrors: number;
	workersLive: number;
	/** The new notes' gap marks that carry a suggestion from another page. */
	suggestions: number;
}

export interface GraphResult {
	canvases: number;
	width: number;
	height: number;
	/** Non-transparent pixels and distinct opaque colours on the largest canvas. */
	painted: number;
	colours: number;
}

export interface CitationsResult {
	title: string;
	summary: string;
	groups: number;
	passages: number;
	indexing: boolean;
}

export interface UnloadResult {
	/** Cleanups still registered on the plugin, and what it still has registered with the stand-in. */
	pendingCleanups: number;
	commands: number;
	views: number;
	processors: number;
	editorExtensions: number;
	hoverLinkSources: number;
	ribbonIconsInDom: number;
	/** Event refs registered since main.js loaded and never removed: "vault:modify", "workspace:file-open", ... */
	liveEventRefs: string[];
	/** window/document listeners added since main.js loaded and not removed: "window:resize". */
	liveDomListeners: string[];
	liveIntervals: number;
	workersStarted: number;
	workersLive: number;
}

export interface PluginHarness {
	ready: Promise<void>;
	info(): LoadInfo;
	openCitations(code: string): Promise<CitationsResult>;
	renderNote(path: string, options: { plainCodes: boolean }): Promise<RenderResult>;
	importSources(): Promise<CommandResult>;
	/** Adds `files` to the vault and imports the folder that holds them through its file menu, watching the frames drawn. */
	importFolder(files: Record<string, string>, folder: string): Promise<FolderImportResult>;
	updateAllHubs(): Promise<CommandResult>;
	buildHub(tag: string): Promise<CommandResult & { opened: string | null }>;
	openGraph(): Promise<GraphResult>;
	setTheme(dark: boolean): void;
	unload(): Promise<UnloadResult>;
}

declare global {
	interface Window {
		pluginHarness: PluginHarness;
	}
}

const params = new URLSearchParams(window.location.search);
const mode: "desktop" | "mobile" = params.get("mode") === "mobile" ? "mobile" : "desktop";
const bundleName = params.get("bundle") ?? "main.js";
const scope = globalThis as unknown as Record<string, unknown>;
const GLOBALS = ["Buffer", "process", "global", "require"];
const typesOfGlobals = (): Record<string, string> => Object.fromEntries(GLOBALS.map((name) => [name, typeof scope[name]]));

// --- What main.js may reach: require(), Node-like globals, long-lived listeners -------------------------------------

const requested: string[] = [];
const refused: string[] = [];
const nodeUses: string[] = [];
const APP_MODULES: Record<string, unknown> = { obsidian, "@codemirror/state": codemirrorState, "@codemirror/view": codemirrorView };

/** A stand-in for a Node module or value: every property read and call is recorded, and returns another recorder. */
function recorder(name: string): unknown {
	const target = function stub(): void {};
	return new Proxy(target, {
		get: (_target, key) => {
			if (typeof key === "symbol") return undefined;
			nodeUses.push(`${name}.${key}`);
			return recorder(`${name}.${key}`);
		},
		apply: () => {
			nodeUses.push(`${name}()`);
			return recorder(`${name}()`);
		},
		construct: () => {
			nodeUses.push(`new ${name}()`);
			return recorder(`new ${name}()`) as object;
		},
	});
}

function makeRequire(nodeBuiltins: Set<string>): (name: string) => unknown {
	return (name: string): unknown => {
		requested.push(name);
		if (Object.prototype.hasOwnProperty.call(APP_MODULES, name)) return APP_MODULES[name];
		if (mode === "desktop" && nodeBuiltins.has(name.replace(/^node:/, ""))) {
			nodeUses.push(name);
			return recorder(name);
		}
		refused.push(name);
		throw new Error(`Cannot find module '${name}'`);
	};
}

/** Node's Buffer, recorded: enough of it for a feature check, every use listed in nodeUses. */
class RecordingBuffer {
	static from(value: string | ArrayLike<number>): Uint8Array {
		nodeUses.push("Buffer.from");
		return typeof value === "string" ? new TextEncoder().encode(value) : Uint8Array.from(value);
	}
	static isBuffer(value: unknown): boolean {
		nodeUses.push("Buffer.isBuffer");
		return value instanceof Uint8Array;
	}
	static alloc(size: number): Uint8Array {
		nodeUses.push("Buffer.alloc");
		return new Uint8Array(size);
	}
}

/** Sets up the platform's globals; returns what the page had before. */
function setUpGlobals(): Record<string, string> {
	const before = typesOfGlobals();
	if (mode === "desktop") {
		scope.global = globalThis;
		scope.Buffer = RecordingBuffer;
		scope.process = {
			platform: "linux",
			env: {},
			argv: [],
			versions: { node: "20.18.0", electron: "33.2.0", chrome: "130.0.0.0" },
			cwd: () => "/",
			nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
		};
	} else {
		for (const name of ["Buffer", "process", "global"]) delete scope[name];
	}
	setPlatform(mode);
	return before;
}

const liveRefs = new Map<object, string>();
const liveDom = new Map<string, number>();
const liveIntervals = new Set<number>();
const workers = { started: 0, live: new Set<Worker>(), analyses: 0, errors: 0 };

/** Counts what outlives a plugin if it forgets to clean up: event refs, window/document listeners, intervals, workers. */
function trackLongLivedRegistrations(app: App): void {
	const names = new Map<object, string>([
		[app.vault, "vault"],
		[app.metadataCache, "metadataCache"],
		[app.workspace, "workspace"],
	]);
	const events = obsidian.Events.prototype;
	const on = Reflect.get(events, "on");
	const offref = Reflect.get(events, "offref");
	const off = Reflect.get(events, "off");
	events.on = function (this: obsidian.Events, name: string, callback: (...data: never[]) => unknown, ctx?: unknown) {
		const ref = on.call(this, name, callback, ctx);
		liveRefs.set(ref, `${names.get(this) ?? this.constructor.name}:${name}`);
		return ref;
	};
	events.offref = function (this: obsidian.Events, ref) {
		liveRefs.delete(ref);
		offref.call(this, ref);
	};
	events.off = function (this: obsidian.Events, name: string, callback: (...data: never[]) => unknown) {
		for (const ref of [...liveRefs.keys()]) if ((ref as { callback?: unknown; events?: unknown }).callback === callback && (ref as { events?: unknown }).events === this) liveRefs.delete(ref);
		off.call(this, name, callback);
	};
	const targets = new Map<EventTarget, string>([
		[window, "window"],
		[document, "document"],
	]);
	const add = Reflect.get(EventTarget.prototype, "addEventListener");
	const remove = Reflect.get(EventTarget.prototype, "removeEventListener");
	const keyOf = (target: EventTarget, type: string): string | null => {
		const name = targets.get(target);
		return name === undefined ? null : `${name}:${type}`;
	};
	const listenerIds = new WeakMap<object, number>();
	let nextId = 0;
	const idOf = (listener: unknown): number => {
		if (listener === null || (typeof listener !== "object" && typeof listener !== "function")) return -1;
		const known = listenerIds.get(listener);
		if (known !== undefined) return known;
		listenerIds.set(listener, ++nextId);
		return nextId;
	};
	// Only listeners main.js added (directly or through the stand-in): Playwright adds its own to window.
	const fromBundle = (): boolean => {
		const limit = Error.stackTraceLimit;
		Error.stackTraceLimit = 100;
		const stack = new Error().stack ?? "";
		Error.stackTraceLimit = limit;
		return stack.includes("eval at boot");
	};
	const capture = (options?: boolean | EventListenerOptions): boolean => (typeof options === "boolean" ? options : options?.capture === true);
	EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
		const key = keyOf(this, type);
		if (key !== null && listener !== null && fromBundle()) liveDom.set(`${key}#${idOf(listener)}#${capture(options)}`, 1);
		add.call(this, type, listener, options);
	};
	EventTarget.prototype.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
		const key = keyOf(this, type);
		if (key !== null && listener !== null) liveDom.delete(`${key}#${idOf(listener)}#${capture(options)}`);
		remove.call(this, type, listener, options);
	};
	const setInterval = window.setInterval.bind(window);
	const clearInterval = window.clearInterval.bind(window);
	window.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
		const id = setInterval(handler, timeout, ...args);
		liveIntervals.add(id);
		return id;
	}) as typeof window.setInterval;
	window.clearInterval = ((id?: number) => {
		if (id !== undefined) liveIntervals.delete(id);
		clearInterval(id);
	}) as typeof window.clearInterval;
	const NativeWorker = window.Worker;
	window.Worker = class extends NativeWorker {
		constructor(url: string | URL, options?: WorkerOptions) {
			super(url, options);
			workers.started++;
			workers.live.add(this);
			// What came back: an import's prose analysis (its gaps and suggestions), or an error that stopped a worker.
			this.addEventListener("message", (event: MessageEvent<unknown>) => {
				if (typeof event.data === "object" && event.data !== null && "analysis" in event.data) workers.analyses++;
			});
			this.addEventListener("error", () => workers.errors++);
		}
		override terminate(): void {
			workers.live.delete(this);
			super.terminate();
		}
	};
}

/** The vault adapter, in memory (the stand-in has none: unit tests must not reach it, but the real plugin does). */
function memoryAdapter(): Pick<obsidian.Vault["adapter"], "exists" | "read" | "write"> & { files: Map<string, string> } {
	const files = new Map<string, string>();
	return {
		files,
		exists: (path: string) => Promise.resolve(files.has(normalizePath(path))),
		read: (path: string) => {
			const text = files.get(normalizePath(path));
			return text === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(text);
		},
		write: (path: string, data: string) => {
			files.set(normalizePath(path), data);
			return Promise.resolve();
		},
	};
}

// --- Small helpers ----------------------------------------------------------------------------------------------------

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => window.setTimeout(resolve, ms));
}

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 15000): Promise<T> {
	const start = performance.now();
	for (;;) {
		const value = probe();
		if (value !== null && value !== undefined && value !== false) return value;
		if (performance.now() - start > ms) throw new Error(`harness: timed out waiting for ${what}`);
		await delay(20);
	}
}

async function sha256(text: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function changes(before: Record<string, string>, after: Record<string, string>): Pick<CommandResult, "changed" | "diffs"> {
	const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
	const changed = [...paths].filter((path) => before[path] !== after[path]).sort();
	return { changed, diffs: changed.map((path) => ({ path, before: before[path] ?? null, after: after[path] ?? null })) };
}

function host(id: string): HTMLElement {
	const el = document.getElementById(id);
	if (el === null) throw new Error(`harness: no #${id}`);
	return el;
}

function leafOf(app: App, type: string): WorkspaceLeaf | null {
	return app.workspace.getLeavesOfType(type)[0] ?? null;
}

/** Puts a leaf's view on screen (the stand-in's leaves live outside the DOM) and tells it its size changed. */
function mount(leaf: WorkspaceLeaf, into: HTMLElement): void {
	const view = leaf.view;
	if (view === null) throw new Error("harness: the leaf has no view");
	if (view.containerEl.parentElement !== into) {
		into.empty();
		into.appendChild(view.containerEl);
	}
	leaf.onResize();
}

// --- Boot -------------------------------------------------------------------------------------------------------------

async function boot(): Promise<void> {
	if (params.has("dark")) document.body.classList.replace("theme-light", "theme-dark");
	const globalsBefore = setUpGlobals();
	const [config, files, source] = await Promise.all([
		fetch("config.json").then((r) => r.json() as Promise<HarnessConfig>),
		fetch("vault.json").then((r) => r.json() as Promise<Record<string, string>>),
		fetch(bundleName).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`harness: ${bundleName}: HTTP ${r.status}`)))),
	]);
	const require = makeRequire(new Set(config.nodeBuiltins));
	scope.require = require;
	const globalsAfter = typesOfGlobals();

	// The app at start-up: files on disk and in the metadata cache, layout not ready yet.
	const app = new App({ layoutReady: false });
	app.vault.seed(files);
	for (const [path, content] of Object.entries(files)) {
		const file = app.vault.getFileByPath(normalizePath(path));
		if (file?.extension === "md") app.metadataCache.indexText(file, content);
	}
	app.metadataCache.resolveAll();
	const adapter = memoryAdapter();
	Object.defineProperty(app.vault, "adapter", { value: adapter });
	// A note tab, as in a real workspace.
	app.workspace.getLeaf(false);

	trackLongLivedRegistrations(app);
	// As Obsidian loads a plugin: main.js as a CommonJS module body, with the app's require.
	const module: { exports: { default?: unknown } } = { exports: {} };
	const body = new Function("module", "exports", "require", source) as (module: object, exports: object, require: (name: string) => unknown) => void;
	body(module, module.exports, require);
	const PluginClass = module.exports.default;
	if (typeof PluginClass !== "function" || !(PluginClass.prototype instanceof Plugin)) throw new Error("harness: main.js does not export a Plugin subclass as default");
	const manifest: PluginManifest = { ...config.manifest, dir: `${app.vault.configDir}/plugins/${config.manifest.id}` };
	const plugin = new (PluginClass as new (app: ReturnType<typeof realApp>, manifest: PluginManifest) => Plugin)(realApp(app), manifest);
	plugin.data = config.data;
	await plugin.loadForTest();
	app.workspace.setLayoutReady();

	const bundle = { name: bundleName, sha256: await sha256(source), length: source.length };
	const ribbonHost = document.createElement("div");
	for (const icon of plugin.ribbonIcons) ribbonHost.appendChild(icon.el);
	document.body.appendChild(ribbonHost);
	ribbonHost.hidden = true;

	const runCommand = async (id: string, done: (messages: string[]) => boolean): Promise<CommandResult> => {
		Notice.clear();
		const before = app.vault.snapshot();
		plugin.runCommand(id);
		const notices = await until(`a notice after ${id}`, () => (done(Notice.messages) ? [...Notice.messages] : null));
		await delay(50);
		return { notices, ...changes(before, app.vault.snapshot()) };
	};

	harness.info = () => ({
		mode,
		globalsBefore,
		globalsAfter,
		platform: { isDesktop: obsidian.Platform.isDesktop, isMobile: obsidian.Platform.isMobile },
		requested: [...requested],
		refused: [...refused],
		nodeUses: [...nodeUses],
		bundle,
		commands: plugin.commands.map((c) => c.id),
		views: [...plugin.views.keys()],
		processors: plugin.processors.map((p) => (p.language === undefined ? { kind: p.kind } : { kind: p.kind, language: p.language })),
		editorExtensions: plugin.editorExtensions.length,
		settingTabs: plugin.settingTabs.length,
		ribbonIcons: plugin.ribbonIcons.map((r) => r.title),
		vaultFiles: Object.keys(files).length,
	});

	harness.openCitations = async (code) => {
		const episode = app.metadataCache.getFirstLinkpathDest(code, "");
		if (episode === null) throw new Error(`harness: no note for ${code}`);
		await app.workspace.getLeaf(false).openFile(episode);
		plugin.runCommand("open-episode-citations");
		const leaf = await until("the citations view", () => leafOf(app, VIEW_TYPES.citations));
		mount(leaf, host("side-host"));
		const root = leaf.view?.containerEl;
		if (root === undefined) throw new Error("harness: no citations view");
		// The index is ready when the view hides its "Indexing notes…" status.
		await until("the episode index", () => root.querySelector(".research-atlas-citations-status.is-hidden") !== null && root.querySelector(".research-atlas-citations-group") !== null);
		return {
			title: root.querySelector(".research-atlas-citations-title")?.textContent ?? "",
			summary: root.querySelector(".research-atlas-citations-summary")?.textContent ?? "",
			groups: root.querySelectorAll(".research-atlas-citations-group").length,
			passages: root.querySelectorAll(".research-atlas-citation").length,
			indexing: root.querySelector(".research-atlas-citations-status.is-hidden") === null,
		};
	};

	const section = new Component();
	section.load();
	harness.renderNote = async (path, { plainCodes }) => {
		const file = app.vault.getFileByPath(path);
		if (file === null) throw new Error(`harness: no note ${path}`);
		let text = await app.vault.read(file);
		if (plainCodes) text = text.replace(/\[\[(E\d{3})\]\]/g, "$1");
		// Obsidian's reading view: a rendered section per block, each handed to every post-processor.
		const view = host("note-host").createDiv({ cls: "markdown-reading-view" });
		view.createEl("h1", { cls: "inline-title", text: `${file.basename}${plainCodes ? " (codes typed as plain text)" : ""}` });
		const el = view.createDiv({ cls: "markdown-preview-view markdown-rendered" });
		await MarkdownRenderer.render(app, text, el, path, section);
		const postProcessors = plugin.processors.filter((p) => p.kind === "post");
		if (postProcessors.length === 0) throw new Error("harness: no Markdown post-processor registered");
		for (const block of Array.from(el.children)) {
			for (const processor of postProcessors) {
				const context = { docId: "note", sourcePath: path, frontmatter: null, addChild: (child: Component) => section.addChild(child), getSectionInfo: () => null };
				await (processor.handler as (el: HTMLElement, ctx: typeof context) => unknown)(block as HTMLElement, context);
			}
		}
		const codeLinks = Array.from(el.querySelectorAll<HTMLAnchorElement>("a.internal-link.research-atlas-code")).map((a): [string, string, boolean] => [a.textContent ?? "", a.getAttribute("data-href") ?? "", !a.classList.contains("is-unresolved")]);
		const counted = Array.from(el.querySelectorAll<HTMLElement>("a.internal-link[data-code]:not(.research-atlas-code)")).map((a): [string, string] => [a.getAttribute("data-code") ?? "", a.nextElementSibling?.classList.contains("research-atlas-code-count") === true ? (a.nextElementSibling.textContent ?? "") : ""]);
		let plainLeft = 0;
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) if (node.parentElement?.closest("a") === null) plainLeft += (node.nodeValue ?? "").match(/\bE\d{3}\b/g)?.length ?? 0;
		let clicked: string | null = null;
		const first = el.querySelector<HTMLElement>("a.research-atlas-code");
		if (first !== null) {
			const opened: string[] = [];
			const ref = app.workspace.on("file-open", (opening: TFile | null) => {
				if (opening !== null) opened.push(opening.path);
			});
			first.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
			await delay(50);
			app.workspace.offref(ref);
			clicked = opened[0] ?? null;
		}
		return { codeLinks, counted, plainLeft, clicked };
	};

	harness.importSources = () => runCommand("import-research-pages", (messages) => messages.some((m) => /nothing changed|created|failed|no pages found/.test(m)));
	harness.importFolder = async (files, folder) => {
		app.vault.seed(files);
		const menu = new obsidian.Menu();
		app.workspace.trigger("file-menu", menu, app.vault.getAbstractFileByPath(folder), "file-explorer");
		const item = menu.items.find((i) => i.title === "Import into Research Atlas");
		if (item?.callback === null || item === undefined) throw new Error(`harness: no import item in the file menu of ${folder}`);
		Notice.clear();
		const before = new Set(Object.keys(app.vault.snapshot()));
		const workersBefore = { ...workers };
		// A frame is drawn only when the page's thread is free: each one records what the notice said then.
		const frames: string[] = [];
		let drawing = true;
		const frame = (): void => {
			frames.push(Notice.messages.at(-1) ?? "");
			if (drawing) window.requestAnimationFrame(frame);
		};
		window.requestAnimationFrame(frame);
		void item.callback(new MouseEvent("click"));
		const notices = await until("the import's summary", () => (Notice.messages.some((m) => /notes? created|nothing changed|failed/.test(m)) ? [...Notice.messages] : null), 60000);
		drawing = false;
		const added = Object.entries(app.vault.snapshot()).filter(([path]) => !before.has(path));
		return {
			notices,
			frames,
			created: added.length,
			workersStarted: workers.started - workersBefore.started,
			analysesAnswered: workers.analyses - workersBefore.analyses,
			workerErrors: workers.errors - workersBefore.errors,
			workersLive: workers.live.size,
			suggestions: added.reduce((n, [, text]) => n + (text.match(/Suggested: “[^”]+”/g)?.length ?? 0), 0),
		};
	};
	harness.updateAllHubs = () => runCommand("update-all-hubs", (messages) => messages.some((m) => /\bhubs?\b/i.test(m)));

	harness.buildHub = async (tag) => {
		Notice.clear();
		const before = app.vault.snapshot();
		plugin.runCommand("build-topic-hub");
		const picker = obsidian.stubOf(await until("the tag picker", () => Modal.openModals.at(-1)), SuggestModal);
		const shown = (await picker.suggest(`#${tag}`)) as Array<{ item: { tag: string } }>;
		const index = shown.findIndex((match) => match.item.tag === tag);
		if (index < 0) throw new Error(`harness: the tag picker does not offer #${tag}`);
		picker.choose(index);
		const dialog = await until("the build dialog", () => Modal.openModals.at(-1));
		const button = Array.from(dialog.contentEl.querySelectorAll("button")).find((b) => b.textContent === "Build hub");
		if (button === undefined) throw new Error("harness: no Build hub button");
		button.click();
		const notices = await until("the hub notice", () => (Notice.messages.some((m) => /hub/i.test(m)) ? [...Notice.messages] : null));
		await delay(50);
		return { notices, ...changes(before, app.vault.snapshot()), opened: app.workspace.getActiveFile()?.path ?? null };
	};

	harness.openGraph = async () => {
		plugin.runCommand("open-graph");
		const leaf = await until("the atlas graph view", () => leafOf(app, VIEW_TYPES.graph));
		const atlasHost = host("atlas-host");
		mount(leaf, atlasHost);
		const largest = (): HTMLCanvasElement | null => Array.from(atlasHost.querySelectorAll("canvas")).sort((a, b) => b.width * b.height - a.width * a.height)[0] ?? null;
		const measure = (): (GraphResult & { fingerprint: string }) | null => {
			const canvas = largest();
			const context = canvas?.getContext("2d");
			if (canvas === null || context === null || context === undefined || canvas.width === 0) return null;
			const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
			let painted = 0;
			let hash = 0;
			const colours = new Set<number>();
			for (let i = 0; i < data.length; i += 4) {
				if ((data[i + 3] ?? 0) === 0) continue;
				painted++;
				hash = (Math.imul(hash, 31) + i + (data[i] ?? 0)) | 0;
				if (data[i + 3] === 255) colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
			}
			return { canvases: atlasHost.querySelectorAll("canvas").length, width: canvas.width, height: canvas.height, painted, colours: colours.size, fingerprint: `${painted}:${hash}` };
		};
		// Drawn and settled: painted pixels, and the same picture for 15 polls in a row (about half a second).
		let last = "";
		let still = 0;
		const result = await until(
			"a settled graph drawing",
			() => {
				const now = measure();
				if (now === null || now.painted === 0) return null;
				still = now.fingerprint === last ? still + 1 : 0;
				last = now.fingerprint;
				return still >= 15 ? now : null;
			},
			30000,
		);
		return { canvases: result.canvases, width: result.width, height: result.height, painted: result.painted, colours: result.colours };
	};

	harness.setTheme = (dark) => {
		document.body.classList.toggle("theme-dark", dark);
		document.body.classList.toggle("theme-light", !dark);
		app.workspace.trigger("css-change");
	};

	harness.unload = async () => {
		const types = [...plugin.views.keys()];
		plugin.unloadForTest();
		// Obsidian then closes the views of a disabled plugin (they turn into placeholders): close them too.
		for (const type of types) app.workspace.detachLeavesOfType(type);
		section.unload();
		await delay(100);
		return {
			pendingCleanups: plugin.pendingCleanups,
			commands: plugin.commands.length,
			views: plugin.views.size,
			processors: plugin.processors.length,
			editorExtensions: plugin.editorExtensions.length,
			hoverLinkSources: plugin.hoverLinkSources.size,
			ribbonIconsInDom: plugin.ribbonIcons.filter((r) => r.el.isConnected).length,
			liveEventRefs: [...liveRefs.values()].sort(),
			liveDomListeners: [...liveDom.keys()].map((key) => key.split("#")[0] ?? key).sort(),
			liveIntervals: liveIntervals.size,
			workersStarted: workers.started,
			workersLive: workers.live.size,
		};
	};

	document.body.dataset.ready = "true";
}

const notReady = (): never => {
	throw new Error("harness: not ready");
};

const harness: PluginHarness = {
	ready: Promise.resolve(),
	info: notReady,
	openCitations: notReady,
	renderNote: notReady,
	importSources: notReady,
	importFolder: notReady,
	updateAllHubs: notReady,
	buildHub: notReady,
	openGraph: notReady,
	setTheme: notReady,
	unload: notReady,
};
window.pluginHarness = harness;
harness.ready = boot().catch((error: unknown) => {
	document.body.dataset.error = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
	// The requests so far, for the test to read even when loading failed.
	document.body.dataset.requested = JSON.stringify(requested);
	throw error;
});
