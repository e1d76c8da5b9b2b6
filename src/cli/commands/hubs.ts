/** `research-atlas hubs --vault DIR [--tag TAG --title T --sections MODE] [--json]`: build one hub, or update them all. */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative, sep } from "path";
import { countTags, createHub, hubsFolderOf, hubSourceFromFiles, isHubSort, parseSectionMode, tagKey, headingFromSlug, updateHubs, type HubDefaults, type HubOutcome, type RawNote } from "../../core";
import { parseArgs, stringOption } from "../args";
import { FsVault } from "../fsVault";
import { nodeYaml } from "../yaml";

/** Every Markdown note below `dir` with its modification time, skipping hidden folders such as `.obsidian`. */
function readNotes(dir: string): RawNote[] {
	const out: RawNote[] = [];
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const full = join(folder, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith(".md")) out.push({ path: relative(dir, full).split(sep).join("/"), content: readFileSync(full, "utf8"), mtime: statSync(full).mtimeMs });
		}
	};
	walk(dir);
	return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

function describe(o: HubOutcome): string {
	const counts = o.status === "frozen" ? "frozen, not updated" : `${o.notes} ${o.notes === 1 ? "note" : "notes"}, ${o.sections} ${o.sections === 1 ? "section" : "sections"}`;
	return `${o.status.padEnd(9)} ${o.path}  (#${o.tag}: ${counts})`;
}

/**
 * With `--tag`, builds that hub (or updates the hub of that tag already at its name); without, updates every hub
 * from the tag it records. Exit 0; 1 when a tag matches no note or a hub changed while it was updated; 2 on usage errors.
 */
export async function hubsCommand(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
	const args = parseArgs(argv, ["json"]);
	const vaultDir = stringOption(args, "vault", true);
	if (!existsSync(vaultDir) || !statSync(vaultDir).isDirectory()) {
		err(`research-atlas: --vault ${vaultDir}: no such folder`);
		return 2;
	}
	const sectionsText = stringOption(args, "sections") ?? "nested";
	const sections = parseSectionMode(sectionsText);
	if (sections === null) {
		err(`research-atlas: --sections ${sectionsText}: use nested, frontmatter:KEY, subtopic or auto`);
		return 2;
	}
	const sort = stringOption(args, "sort") ?? "title";
	if (!isHubSort(sort)) {
		err(`research-atlas: --sort ${sort}: use title, modified or citations`);
		return 2;
	}
	const excludeFolders = (stringOption(args, "exclude-folders") ?? "").split(",").map((f) => f.trim()).filter((f) => f !== "");
	const defaults: HubDefaults = { sort, excludeFolders, excludeKey: stringOption(args, "exclude-key") ?? "atlas_exclude" };
	const source = hubSourceFromFiles(readNotes(vaultDir), nodeYaml);
	const vault = new FsVault(vaultDir);
	const tag = stringOption(args, "tag");

	let outcomes: HubOutcome[];
	if (tag === undefined) {
		outcomes = await updateHubs(vault, source, defaults);
	} else {
		const wanted = tagKey(tag);
		const known = countTags(source.notes).find((t) => tagKey(t.tag) === wanted);
		if (known === undefined) {
			err(`research-atlas: no note carries #${tag.replace(/^#/, "")}`);
			return 1;
		}
		const title = stringOption(args, "title") ?? headingFromSlug(known.tag.split("/").pop() ?? known.tag);
		const folder = stringOption(args, "hubs-folder") ?? hubsFolderOf({ atlasFolder: stringOption(args, "folder") ?? "", hubsFolder: "" });
		const description = stringOption(args, "description");
		outcomes = [await createHub(vault, source, { tag: known.tag, title, sections, folder, ...(description === undefined ? {} : { description }) }, defaults, nodeYaml)];
	}

	const tally = (status: HubOutcome["status"]): number => outcomes.filter((o) => o.status === status).length;
	if (args.options.has("json")) {
		out(JSON.stringify({ hubs: outcomes, created: tally("created"), updated: tally("updated"), unchanged: tally("unchanged"), frozen: tally("frozen"), conflicts: tally("conflict") }));
	} else {
		for (const o of outcomes) out(describe(o));
		if (outcomes.length === 0) out("No hubs found: a hub is a note with a hub_tag in its frontmatter. Build one with --tag TAG.");
		else out(`${outcomes.length} ${outcomes.length === 1 ? "hub" : "hubs"}: ${tally("created")} created, ${tally("updated")} updated, ${tally("unchanged")} unchanged, ${tally("frozen")} frozen${tally("conflict") > 0 ? `, ${tally("conflict")} changed meanwhile (not written)` : ""}.`);
	}
	return tally("conflict") > 0 ? 1 : 0;
}
