/** Building and updating hubs through a VaultPort: what the CLI runs, with the same no-op rule as the plugin. */
import type { YamlPort } from "../markdown/yaml";
import type { VaultPort } from "../vault/port";
import { findHubs } from "./findHubs";
import { hubNotePath, newHubNoteText, updatedHubText } from "./hubNote";
import type { HubSource } from "./hubSource";
import { hubTagOf, newHubSpec, readHubSpec, type HubChoices, type HubDefaults, type SectionMode } from "./hubSpec";
import { tagKey } from "./hubTag";
import { planHub } from "./planHub";

/** What happened to one hub. */
export interface HubOutcome {
	path: string;
	tag: string;
	/** `conflict`: the note changed while it was being updated, so nothing was written. */
	status: "created" | "updated" | "unchanged" | "frozen" | "conflict";
	/** Distinct notes shown, and sections (0 for a frozen hub, which is not planned). */
	notes: number;
	sections: number;
}

/** Regenerates every hub of the vault (or those at `only`) from the tag each records; frozen hubs are skipped. */
export async function updateHubs(vault: VaultPort, source: HubSource, defaults: HubDefaults, only?: readonly string[]): Promise<HubOutcome[]> {
	const out: HubOutcome[] = [];
	for (const hub of findHubs(source.notes)) {
		if (only !== undefined && !only.includes(hub.path)) continue;
		const spec = readHubSpec(hub, defaults);
		if (spec === null) continue;
		if (spec.frozen) {
			out.push({ path: hub.path, tag: spec.tag, status: "frozen", notes: 0, sections: 0 });
			continue;
		}
		const plan = planHub(source, spec, hub.path);
		const text = await vault.read(hub.path);
		const next = text === null ? null : updatedHubText(text, plan);
		let status: HubOutcome["status"] = "unchanged";
		if (text !== null && next !== null) status = (await vault.replace(hub.path, text, next)) ? "updated" : "conflict";
		out.push({ path: hub.path, tag: spec.tag, status, notes: plan.members.length, sections: plan.sections });
	}
	return out;
}

/** A request to build a hub; `sort` and `sectionOrder`, when given, are kept by the hub instead of the settings'. */
export interface HubRequest extends HubChoices {
	tag: string;
	title: string;
	sections: SectionMode;
	/** Folder of the new hub note. */
	folder: string;
	description?: string;
}

/**
 * Builds a hub: a new note in the folder, or, when a hub for the same tag already has that name, an update of it.
 * A different note with the name is never touched; the new hub gets a free name beside it ("Title 2").
 */
export async function createHub(vault: VaultPort, source: HubSource, request: HubRequest, defaults: HubDefaults, yaml: YamlPort): Promise<HubOutcome> {
	const base = hubNotePath(request.folder, request.title);
	for (let n = 1; ; n++) {
		const path = n === 1 ? base : base.replace(/\.md$/, ` ${n}.md`);
		const existing = source.byPath.get(path);
		const text = await vault.read(path);
		if (text === null) {
			const choices: HubChoices = { ...(request.sort === undefined ? {} : { sort: request.sort }), ...(request.sectionOrder === undefined ? {} : { sectionOrder: request.sectionOrder }) };
			const spec = newHubSpec(request.tag, request.sections, defaults, choices);
			const plan = planHub(source, spec, path);
			await vault.create(path, newHubNoteText({ title: request.title, spec, choices, ...(request.description === undefined ? {} : { description: request.description }) }, plan, yaml));
			return { path, tag: spec.tag, status: "created", notes: plan.members.length, sections: plan.sections };
		}
		const tag = existing === undefined ? null : hubTagOf(existing);
		if (tag !== null && tagKey(tag) === tagKey(request.tag)) {
			const [outcome] = await updateHubs(vault, source, defaults, [path]);
			if (outcome !== undefined) return outcome;
		}
		// Keeps the loop finite even if the vault answered inconsistently.
		if (n > 1000) throw new Error(`no free name for ${base}`);
	}
}
