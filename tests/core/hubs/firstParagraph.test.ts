import { countTags, firstParagraph, hubNotePath, hubsFolderOf, parseSectionMode, formatSectionMode } from "../../../src/core";
import { note, sourceFrom } from "./noteBuilder";

describe("firstParagraph", () => {
	it("skips headings, callouts, comments, lists and code, and returns the first prose paragraph as plain text", () => {
		const body = "# Title\n\n> [!note] A callout\n> more\n\n%% hidden %%\n\n```js\nconst x = 1;\n```\n\n- a list\n\nThe **first** [[Target|real]] paragraph\nwith [a link](https://x.y) and `code`. ^block1\n\nSecond.";
		expect(firstParagraph(body)).toBe("The first real paragraph with a link and code.");
	});
	it("is empty without prose, and cuts long paragraphs at a word", () => {
		expect(firstParagraph("## Only a heading\n")).toBe("");
		const long = `${"word ".repeat(100)}end`;
		const cut = firstParagraph(long);
		expect(cut.endsWith("word…")).toBe(true);
		expect(cut.length).toBeLessThanOrEqual(241);
	});
});

describe("countTags", () => {
	it("counts each note once per tag and per parent tag, most used first", () => {
		const source = sourceFrom({ "a.md": note({ tags: ["x/y/z", "x/y"] }), "b.md": note({ tags: ["X/y"] }, "#w"), "c.md": note({}, "#x") });
		expect(countTags(source.notes)).toEqual([
			{ tag: "x", notes: 3 },
			{ tag: "x/y", notes: 2 },
			{ tag: "w", notes: 1 },
			{ tag: "x/y/z", notes: 1 },
		]);
	});
});

describe("hub settings helpers", () => {
	it("parses and formats section modes", () => {
		expect(["nested", "subtopic", "auto", "frontmatter: status", "frontmatter:", "bogus"].map(parseSectionMode)).toEqual([{ kind: "nested" }, { kind: "subtopic" }, { kind: "auto" }, { kind: "frontmatter", key: "status" }, null, null]);
		expect(formatSectionMode({ kind: "frontmatter", key: "status" })).toBe("frontmatter:status");
	});
	it("puts new hubs in the hubs folder, or <atlas folder>/Hubs, with a safe file name", () => {
		expect(hubsFolderOf({ atlasFolder: "Research Atlas", hubsFolder: "" })).toBe("Research Atlas/Hubs");
		expect(hubsFolderOf({ atlasFolder: "", hubsFolder: "/My hubs/" })).toBe("My hubs");
		expect(hubNotePath("Hubs", "RL: what/why?")).toBe("Hubs/RL - what-why.md");
	});
});
