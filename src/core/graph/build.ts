/**
 * Vault notes → graph: atlas notes become typed nodes; tags `cluster/<c>/<s>` and `hub/<h>/<s>` and the `cluster:`,
 * `hub:`, `clusters:`, `subtopics:` frontmatter links give membership and the hierarchy; links to episode notes are
 * citations; every other wiki link between two nodes is a plain link.
 */
import { LinkResolver, type NoteInfo } from "../vault/noteInfo";
import { kindOfType, levelOf, NODE_KINDS } from "./kinds";
import type { Graph, GraphCluster, GraphLink, GraphLinkKind, GraphNode, GraphNodeKind } from "./model";

/** What to include. */
export interface BuildGraphOptions {
	/** Also show notes outside the atlas model that link to atlas notes (kind `note`). */
	includeOtherNotes?: boolean;
}

interface Candidate {
	note: NoteInfo;
	kind: GraphNodeKind;
}

const MEMBER_TAG = /^(cluster|hub)\//;
/** Frontmatter keys that name the notes a note belongs to, deepest first. */
const MEMBERSHIP_KEYS = ["subtopics", "subtopic", "sections", "section", "clusters", "cluster", "hubs", "hub"];
/** Membership preference for the hierarchy parent: a sub-topic beats a hub section, a cluster beats a hub. */
const PARENT_RANK: Partial<Record<GraphNodeKind, number>> = { subtopic: 0, section: 1, cluster: 2, hub: 3 };

function normalTag(tag: string): string {
	return tag.replace(/^#/, "").toLowerCase();
}

function isGeneratedNavigation(note: NoteInfo): boolean {
	return note.tags.some((t) => normalTag(t).startsWith("atlas/"));
}

function linkTexts(value: unknown): string[] {
	const list = Array.isArray(value) ? value : [value];
	const out: string[] = [];
	for (const item of list) {
		if (typeof item !== "string") continue;
		for (const m of item.matchAll(/\[\[([^\]|#^\n]+)/g)) if (m[1] !== undefined) out.push(m[1].trim());
	}
	return out;
}

function stringOr(value: unknown, fallback: string): string {
	return typeof value === "string" && value.trim() !== "" ? value.trim() : fallback;
}

/** Picks the nodes: atlas kinds always, other notes when asked and when they link into the atlas. */
function candidates(notes: NoteInfo[], options: BuildGraphOptions): Candidate[] {
	const atlas: Candidate[] = [];
	const others: NoteInfo[] = [];
	for (const note of notes) {
		const kind = kindOfType(note.frontmatter.type);
		if (kind !== null) atlas.push({ note, kind });
		else if (options.includeOtherNotes === true && !isGeneratedNavigation(note)) others.push(note);
	}
	const atlasPaths = new Set(atlas.map((c) => c.note.path));
	for (const note of others) if (note.links.some((l) => atlasPaths.has(l))) atlas.push({ note, kind: "note" });
	const order = (kind: GraphNodeKind): number => NODE_KINDS.indexOf(kind);
	// Level first, then kind, then path: the same vault gives the same indices whatever order the notes came in.
	return atlas.sort(
		(a, b) => levelOf(a.kind) - levelOf(b.kind) || order(a.kind) - order(b.kind) || (a.note.path < b.note.path ? -1 : a.note.path > b.note.path ? 1 : 0),
	);
}

/** Cuts the rare parent cycle (two other notes each hanging under an episode the other cites) so every chain ends at a root. */
function breakParentCycles(nodes: GraphNode[]): void {
	const walk = new Int32Array(nodes.length).fill(-1);
	nodes.forEach((node, i) => {
		for (let at = i; at >= 0; at = nodes[at]?.parent ?? -1) {
			if (walk[at] === i) {
				if (at === i) node.parent = -1;
				return;
			}
			walk[at] = i;
		}
	});
}

/** Builds the graph model from notes (as `notesFromFiles` or the metadata cache give them). */
export function buildGraph(notes: NoteInfo[], options: BuildGraphOptions = {}): Graph {
	const chosen = candidates(notes, options);
	const index = new Map<string, number>();
	chosen.forEach((c, i) => index.set(c.note.path, i));
	const resolver = new LinkResolver(notes.map((n) => n.path));
	const nodes: GraphNode[] = chosen.map(({ note, kind }) => ({
		id: note.path,
		kind,
		title: stringOr(note.frontmatter.title, note.basename),
		cluster: -1,
		parent: -1,
		weight: 0,
		description: stringOr(note.frontmatter.description, ""),
	}));

	// Structural nodes by their own deepest membership tag.
	const byTag = new Map<string, number>();
	chosen.forEach(({ note, kind }, i) => {
		if (levelOf(kind) > 1) return;
		const own = note.tags.map(normalTag).filter((t) => MEMBER_TAG.test(t) && t.startsWith(kind === "cluster" || kind === "subtopic" ? "cluster/" : "hub/"));
		const deepest = own.sort((a, b) => b.split("/").length - a.split("/").length)[0];
		if (deepest !== undefined && !byTag.has(deepest)) byTag.set(deepest, i);
	});
	const structureOfTag = (tag: string, self: number): number => {
		for (let parts = tag.split("/"); parts.length >= 2; parts = parts.slice(0, -1)) {
			const at = byTag.get(parts.join("/"));
			if (at !== undefined && at !== self) return at;
		}
		return -1;
	};
	const resolveText = (text: string): number => {
		const path = resolver.resolve(text);
		return path === null ? -1 : (index.get(path) ?? -1);
	};

	const links: GraphLink[] = [];
	const seen = new Set<string>();
	const addLink = (source: number, target: number, kind: GraphLinkKind): void => {
		if (source === target || source < 0 || target < 0) return;
		const key = source < target ? `${source} ${target}` : `${target} ${source}`;
		if (seen.has(key)) return;
		seen.add(key);
		links.push({ source, target, kind });
	};

	// Memberships and parents, structure first (the order guarantees a parent is placed before its members).
	chosen.forEach(({ note, kind }, i) => {
		if (kind === "episode" || kind === "cluster" || kind === "hub") return;
		const found: number[] = [];
		const push = (at: number): void => {
			const target = nodes[at];
			if (at >= 0 && at !== i && target !== undefined && levelOf(target.kind) < levelOf(kind) && !found.includes(at)) found.push(at);
		};
		for (const key of MEMBERSHIP_KEYS) for (const text of linkTexts(note.frontmatter[key])) push(resolveText(text));
		for (const tag of note.tags.map(normalTag)) if (MEMBER_TAG.test(tag)) push(structureOfTag(tag, i));
		// A membership in a sub-topic already implies its cluster: keep only the deepest ones.
		const deepest = found.filter((m) => !found.some((other) => other !== m && nodes[other]?.parent === m));
		const ranked = [...deepest].sort((a, b) => (PARENT_RANK[nodes[a]?.kind ?? "note"] ?? 9) - (PARENT_RANK[nodes[b]?.kind ?? "note"] ?? 9));
		const node = nodes[i];
		if (node !== undefined && ranked[0] !== undefined) node.parent = ranked[0];
		for (const m of deepest) addLink(m, i, "member");
	});

	// Episodes hang under the first atlas note citing them (another note only when no atlas note does);
	// other notes hang under the first atlas note they link to.
	const citer = new Map<number, number>();
	const noteCiter = new Map<number, number>();
	chosen.forEach(({ note, kind }, j) => {
		if (kind === "episode") return;
		for (const path of note.links) {
			const t = index.get(path);
			if (t === undefined || chosen[t]?.kind !== "episode") continue;
			const first = kind === "note" ? noteCiter : citer;
			if (!first.has(t)) first.set(t, j);
		}
	});
	chosen.forEach(({ note, kind }, i) => {
		const node = nodes[i];
		if (node === undefined) return;
		if (kind === "episode") node.parent = citer.get(i) ?? noteCiter.get(i) ?? -1;
		else if (kind === "note") {
			const targets = note.links.map((l) => index.get(l) ?? -1).filter((t) => t >= 0 && t !== i && nodes[t]?.kind !== "note");
			node.parent = targets.find((t) => nodes[t]?.kind !== "episode") ?? targets.find((t) => nodes[t]?.parent !== i) ?? -1;
		}
	});

	breakParentCycles(nodes);

	// Clusters: every cluster and hub note; a node belongs to the cluster at the root of its parent chain.
	const clusters: GraphCluster[] = [];
	nodes.forEach((node, i) => {
		if (node.kind === "cluster" || node.kind === "hub") {
			node.cluster = clusters.length;
			clusters.push({ node: i, title: node.title });
		}
	});
	nodes.forEach((node) => {
		let at = node;
		for (let steps = 0; at.parent >= 0 && steps < nodes.length; steps++) at = nodes[at.parent] ?? at;
		node.cluster = at.kind === "cluster" || at.kind === "hub" ? at.cluster : -1;
	});

	// Every other link between two nodes: citations to episodes, hub → note, and plain wiki links.
	chosen.forEach(({ note, kind }, i) => {
		for (const path of note.links) {
			const t = index.get(path);
			if (t === undefined) continue;
			const target = nodes[t];
			if (target === undefined) continue;
			if (target.kind === "episode" && kind !== "episode") addLink(i, t, "citation");
			else if (kind === "episode" && target.kind !== "episode") addLink(t, i, "citation");
			else if ((kind === "hub" || kind === "section") && levelOf(target.kind) >= 2) addLink(i, t, "hub");
			else addLink(i, t, "link");
		}
	});
	for (const link of links) {
		const s = nodes[link.source];
		const t = nodes[link.target];
		if (s) s.weight++;
		if (t) t.weight++;
	}
	return { nodes, links, clusters };
}
