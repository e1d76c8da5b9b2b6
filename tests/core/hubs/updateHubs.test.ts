import { createHub, updateHubs, type HubDefaults } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { note, sourceOfVault, vaultFrom } from "./noteBuilder";

const defaults: HubDefaults = { sort: "title", excludeFolders: [], excludeKey: "atlas_exclude" };

const hub = (extra: Record<string, unknown> = {}, before = "My intro, kept.\n\n", after = "\n\nMy closing words, kept.\n"): string =>
	note({ type: "hub", hub_tag: "topic/rl", sections_from: "nested", ...extra }, `${before}%% research-atlas:hub start — generated; your text above and below is kept %%\nold\n%% research-atlas:hub end %%${after}`);

function vault(): ReturnType<typeof vaultFrom> {
	return vaultFrom({
		"Hubs/RL.md": hub(),
		"Notes/Alpha.md": note({ tags: ["topic/rl/basics"], description: "First steps." }),
		"Notes/Beta.md": note({ tags: ["topic/rl/basics"] }, "# Beta\n\nBeta's **first** paragraph, with a [[Alpha|link]].\n\nSecond paragraph.\n"),
		"Notes/Gamma.md": note({ tags: ["topic/rl/advanced"], title: "Gamma: the sequel" }),
		"Notes/Delta.md": note({ tags: ["topic/rl"] }, "Tagged with the hub tag only."),
		"Notes/Unrelated.md": note({ tags: ["topic/rlhf"] }, "Not under topic/rl."),
	});
}

const EXPECTED_REGION = [
	"%% research-atlas:hub start — generated; your text above and below is kept %%",
	"Topic Hub · 4 linked notes · 3 sections",
	"",
	"## Advanced",
	"",
	"1 note",
	"",
	"- [[Gamma|Gamma: the sequel]]",
	"",
	"## Basics",
	"",
	"2 notes",
	"",
	"- [[Alpha]] — First steps.",
	"- [[Beta]] — Beta's first paragraph, with a link.",
	"",
	"## Other notes",
	"",
	"1 note",
	"",
	"- [[Delta]] — Tagged with the hub tag only.",
	"",
	"%% research-atlas:hub end %%",
].join("\n");

describe("updateHubs", () => {
	it("regenerates the region between the markers and keeps the user's text above and below", async () => {
		const v = vault();
		const outcomes = await updateHubs(v, sourceOfVault(v), defaults);
		expect(outcomes).toEqual([{ path: "Hubs/RL.md", tag: "topic/rl", status: "updated", notes: 4, sections: 3 }]);
		const text = v.files.get("Hubs/RL.md") ?? "";
		expect(text).toBe(`---\ntype: hub\nhub_tag: topic/rl\nsections_from: nested\n---\nMy intro, kept.\n\n${EXPECTED_REGION}\n\nMy closing words, kept.\n`);
	});

	it("writes nothing when nothing changed (idempotent)", async () => {
		const v = vault();
		await updateHubs(v, sourceOfVault(v), defaults);
		const stamp = v.mtimes.get("Hubs/RL.md");
		const again = await updateHubs(v, sourceOfVault(v), defaults);
		expect(again[0]?.status).toBe("unchanged");
		expect(v.mtimes.get("Hubs/RL.md")).toBe(stamp);
	});

	it("drops notes that lost the tag and follows renamed notes with the new link", async () => {
		const v = vault();
		await updateHubs(v, sourceOfVault(v), defaults);
		v.files.delete("Notes/Alpha.md");
		v.set("Notes/Alpha renamed.md", note({ tags: ["topic/rl/basics"], description: "First steps." }));
		v.set("Notes/Gamma.md", note({ tags: ["elsewhere"], title: "Gamma: the sequel" }));
		await updateHubs(v, sourceOfVault(v), defaults);
		const text = v.files.get("Hubs/RL.md") ?? "";
		expect(text).toContain("- [[Alpha renamed]] — First steps.");
		expect(text).not.toContain("[[Alpha]]");
		expect(text).not.toContain("Gamma");
		expect(text).toContain("Topic Hub · 3 linked notes · 2 sections");
	});

	it("never updates a frozen hub", async () => {
		const v = vaultFrom({ ...Object.fromEntries(vault().files), "Hubs/RL.md": hub({ hub_frozen: true }) });
		const before = v.files.get("Hubs/RL.md");
		expect(await updateHubs(v, sourceOfVault(v), defaults)).toEqual([{ path: "Hubs/RL.md", tag: "topic/rl", status: "frozen", notes: 0, sections: 0 }]);
		expect(v.files.get("Hubs/RL.md")).toBe(before);
	});

	it("excludes notes by folder (setting and per hub) and by frontmatter key", async () => {
		const files = Object.fromEntries(vault().files);
		files["Notes/Alpha.md"] = note({ tags: ["topic/rl/basics"], atlas_exclude: true });
		files["Archive/Old.md"] = note({ tags: ["topic/rl/basics"] });
		files["Drafts/Draft.md"] = note({ tags: ["topic/rl/basics"] });
		files["Hubs/RL.md"] = hub({ hub_exclude_folders: ["Drafts"] });
		const v = vaultFrom(files);
		const [outcome] = await updateHubs(v, sourceOfVault(v), { ...defaults, excludeFolders: ["Archive"] });
		expect(outcome?.notes).toBe(3);
		const text = v.files.get("Hubs/RL.md") ?? "";
		expect(text).not.toMatch(/\[\[(Alpha|Old|Draft)\]\]/);
	});

	it("adds a region at the end of a hub note that has none", async () => {
		const v = vaultFrom({ ...Object.fromEntries(vault().files), "Hubs/RL.md": note({ hub_tag: "topic/rl" }, "Just my words.\n") });
		await updateHubs(v, sourceOfVault(v), defaults);
		expect(v.files.get("Hubs/RL.md")).toBe(`---\nhub_tag: topic/rl\n---\nJust my words.\n\n${EXPECTED_REGION}\n`);
	});

	it("reads the hub note at write time, so edits made after the vault was read are kept", async () => {
		const v = vault();
		const source = sourceOfVault(v);
		v.set("Hubs/RL.md", hub({}, "Edited while updating.\n\n"));
		const [outcome] = await updateHubs(v, source, defaults);
		expect(outcome?.status).toBe("updated");
		// The read happens at write time, so a change before it is simply kept around the new region.
		expect(v.files.get("Hubs/RL.md")).toContain("Edited while updating.");
	});
});

describe("createHub", () => {
	it("writes a new hub note recording how to rebuild it", async () => {
		const v = vault();
		const outcome = await createHub(v, sourceOfVault(v), { tag: "#topic/rl", title: "Reinforcement learning", sections: { kind: "nested" }, folder: "Hubs/" }, defaults, nodeYaml);
		expect(outcome).toEqual({ path: "Hubs/Reinforcement learning.md", tag: "topic/rl", status: "created", notes: 4, sections: 3 });
		expect(v.files.get("Hubs/Reinforcement learning.md")).toBe(`---\ntype: hub\ntitle: Reinforcement learning\nhub_tag: topic/rl\nsections_from: nested\n---\n${EXPECTED_REGION}\n`);
	});

	it("never overwrites another note with the same name, and updates a hub of the same tag", async () => {
		const v = vault();
		v.set("Hubs/RL 2.md", "my own note");
		const other = await createHub(v, sourceOfVault(v), { tag: "topic/rl/basics", title: "RL", sections: { kind: "auto" }, folder: "Hubs" }, defaults, nodeYaml);
		expect(other.path).toBe("Hubs/RL 3.md");
		expect(v.files.get("Hubs/RL 2.md")).toBe("my own note");
		const same = await createHub(v, sourceOfVault(v), { tag: "topic/RL", title: "RL", sections: { kind: "nested" }, folder: "Hubs" }, defaults, nodeYaml);
		expect(same).toMatchObject({ path: "Hubs/RL.md", status: "updated" });
	});
});
