/**
 * @jest-environment jsdom
 *
 * The settings tab: the same rows through the declarative API (Obsidian 1.13+, searchable) and through display().
 */
import { Plugin as StubPlugin, Setting, stubOf } from "../../obsidian-stub/obsidian";
import ResearchAtlasPlugin from "../../../src/obsidian/main";
import { AtlasSettingTab } from "../../../src/obsidian/settings/AtlasSettingTab";
import { mergeSettings } from "../../../src/obsidian/settings/settings";
import { asRealApp, createApp, MANIFEST } from "../../helpers/memoryApp";
import type { SettingDefinitionGroup, Setting as RealSetting } from "obsidian";

function setup(files: Record<string, string> = {}): { plugin: ResearchAtlasPlugin; tab: AtlasSettingTab; stub: StubPlugin } {
	const app = asRealApp(createApp(files));
	const plugin = new ResearchAtlasPlugin(app, MANIFEST);
	plugin.settings = mergeSettings(null);
	return { plugin, tab: new AtlasSettingTab(app, plugin), stub: stubOf(plugin, StubPlugin) };
}

function groups(tab: AtlasSettingTab): SettingDefinitionGroup[] {
	return tab.getSettingDefinitions() as SettingDefinitionGroup[];
}

function rowNamed(container: HTMLElement, name: string): HTMLElement {
	const row = [...container.querySelectorAll<HTMLElement>(".setting-item")].find((el) => el.querySelector(".setting-item-name")?.textContent === name);
	if (row === undefined) throw new Error(`no row named ${name}`);
	return row;
}

describe("the settings tab", () => {
	it("offers every row to settings search, grouped by feature, in the order display() draws them", () => {
		const { tab } = setup();
		const declared = groups(tab).map((g) => [g.heading, ...(g.items ?? []).map((item) => item.name)]);
		expect(declared.map(([heading]) => heading)).toEqual(["Import", "Episode codes", "Topic hubs", "Atlas graph"]);
		expect(declared.flat()).toHaveLength(4 + 2 + 5 + 5 + 2);
		tab.display();
		const drawn: string[][] = [];
		for (const el of tab.containerEl.querySelectorAll(".setting-item")) {
			const name = el.querySelector(".setting-item-name")?.textContent ?? "";
			if (el.classList.contains("setting-item-heading")) drawn.push([name]);
			else drawn.at(-1)?.push(name);
		}
		expect(drawn).toEqual(declared);
		for (const g of groups(tab)) for (const item of g.items ?? []) expect(item.desc).toEqual(expect.any(String));
	});

	it("draws each declared row's control on the Setting Obsidian hands it", () => {
		const { tab } = setup();
		for (const g of groups(tab)) {
			for (const item of g.items ?? []) {
				const setting = new Setting(document.body.createDiv());
				expect("render" in item && typeof item.render === "function").toBe(true);
				if ("render" in item && item.render !== undefined) item.render(setting as unknown as RealSetting, undefined as never);
				expect(setting.controlEl.childElementCount).toBe(1);
			}
		}
	});

	it("saves a changed setting, and refuses an invalid code pattern without saving it", async () => {
		const { plugin, tab, stub } = setup();
		tab.display();
		(rowNamed(tab.containerEl, "Keep hubs up to date").querySelector(".checkbox-container") as HTMLElement).click();
		await Promise.resolve();
		expect(plugin.settings.hubAutoUpdate).toBe(true);
		expect(stub.data).toMatchObject({ hubAutoUpdate: true });

		const input = rowNamed(tab.containerEl, "Code pattern").querySelector("input") as HTMLInputElement;
		input.value = "E(\\d";
		input.dispatchEvent(new Event("input"));
		await Promise.resolve();
		expect(input.getAttribute("aria-invalid")).toBe("true");
		expect(plugin.settings.codePattern).toBe(mergeSettings(null).codePattern);
	});

	it("saves a folder normalized, keeps empty as the default, and shows that default as the placeholder", async () => {
		const { plugin, tab } = setup();
		tab.display();
		const input = rowNamed(tab.containerEl, "Episode folder").querySelector("input") as HTMLInputElement;
		expect(input.placeholder).toBe("Research Atlas/Episodes");
		input.value = "  Notes//Episodes/ ";
		input.dispatchEvent(new Event("input"));
		await Promise.resolve();
		expect(plugin.settings.episodeFolder).toBe("Notes/Episodes");
		input.value = "   ";
		input.dispatchEvent(new Event("input"));
		await Promise.resolve();
		expect(plugin.settings.episodeFolder).toBe("");
	});

	it("keeps the source folder as every other folder: normalized, with empty or / for the vault root", async () => {
		const { plugin, tab } = setup();
		tab.display();
		const input = rowNamed(tab.containerEl, "Source folder").querySelector("input") as HTMLInputElement;
		expect(input.value).toBe(mergeSettings(null).sourceFolder);
		for (const [typed, kept] of [[" Scraped//pages/ ", "Scraped/pages"], ["/", ""], ["  ", ""], ["Sources", "Sources"]]) {
			input.value = typed ?? "";
			input.dispatchEvent(new Event("input"));
			await Promise.resolve();
			expect([typed, plugin.settings.sourceFolder]).toEqual([typed, kept]);
		}
	});

	it("suggests the vault's folders under a folder setting, and saves the one picked", async () => {
		const { plugin, tab } = setup({ "Scraped/pages/a.md": "a", "Scraped/old/b.md": "b", "Notes/pages of mine/c.md": "c", "Top.md": "t" });
		tab.display();
		const input = rowNamed(tab.containerEl, "Source folder").querySelector("input") as HTMLInputElement;
		input.value = "pag";
		input.dispatchEvent(new Event("input"));
		await new Promise((resolve) => setTimeout(resolve, 0));
		const items = [...document.querySelectorAll<HTMLElement>(".suggestion-container .suggestion-item")];
		// Folders named with the text come first, then any path holding it; files are never offered.
		expect(items.map((el) => el.textContent)).toEqual(["Notes/pages of mine", "Scraped/pages"]);
		items[1]?.click();
		await Promise.resolve();
		expect(input.value).toBe("Scraped/pages");
		expect(plugin.settings.sourceFolder).toBe("Scraped/pages");
		expect(document.querySelector(".suggestion-container")).toBeNull();
	});
});
