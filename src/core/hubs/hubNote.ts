/** The hub note's text: a new hub note, and an existing one with its generated region replaced. */
import { findHubRegion, renderHubRegion } from "../markdown/hubRegion";
import type { YamlPort } from "../markdown/yaml";
import { safeBaseName } from "../text/fileName";
import { formatSectionMode, HUB_KEYS, type HubChoices, type HubSpec } from "./hubSpec";
import type { HubPlan } from "./planHub";

/** Replaces the region between the markers, keeping the user's text around it; appends a region when there is none. */
export function replaceHubRegion(text: string, region: string): string {
	const found = findHubRegion(text);
	if (found !== null) return `${found.before}${region}${found.after}`;
	const body = text.replace(/\s*$/, "");
	return body === "" ? `${region}\n` : `${body}\n\n${region}\n`;
}

/** Options of a new hub note. */
export interface NewHubNote {
	title: string;
	spec: HubSpec;
	/** A line shown above the generated region, also stored as `description`. */
	description?: string;
	/** Card and section order the hub keeps for itself (recorded as `hub_sort`, `hub_section_order`). */
	choices?: HubChoices;
}

/** The full text of a new hub note: frontmatter recording how to rebuild it, the description, the region. */
export function newHubNoteText(options: NewHubNote, plan: HubPlan, yaml: YamlPort): string {
	const description = options.description?.trim() ?? "";
	const frontmatter: Record<string, unknown> = {
		type: "hub",
		title: options.title,
		...(description === "" ? {} : { description }),
		[HUB_KEYS.tag]: options.spec.tag,
		[HUB_KEYS.sections]: formatSectionMode(options.spec.sections),
		...(options.choices?.sort === undefined ? {} : { [HUB_KEYS.sort]: options.choices.sort }),
		...(options.choices?.sectionOrder === undefined || options.choices.sectionOrder === "default" ? {} : { [HUB_KEYS.sectionOrder]: options.choices.sectionOrder }),
	};
	const body = description === "" ? renderHubRegion(plan.region) : `${description}\n\n${renderHubRegion(plan.region)}`;
	return `---\n${yaml.stringify(frontmatter)}---\n${body}\n`;
}

/** The path of a new hub note in `folder`. */
export function hubNotePath(folder: string, title: string): string {
	const clean = folder.replace(/^\/+|\/+$/g, "");
	const name = `${safeBaseName(title)}.md`;
	return clean === "" ? name : `${clean}/${name}`;
}

/** The hub note's new text, or null when the update would change nothing. */
export function updatedHubText(text: string, plan: HubPlan): string | null {
	const next = replaceHubRegion(text, renderHubRegion(plan.region));
	return next === text ? null : next;
}
