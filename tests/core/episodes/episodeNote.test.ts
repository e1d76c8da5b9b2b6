import { codeSyntax, episodeCodeOf, episodeFolderOf, episodeNotePath, newEpisodeNote } from "../../../src/core";

describe("episode notes", () => {
	it("resolve the episode folder from the settings", () => {
		expect(episodeFolderOf({ atlasFolder: "Research Atlas", episodeFolder: "" })).toBe("Research Atlas/Episodes");
		expect(episodeFolderOf({ atlasFolder: "", episodeFolder: "" })).toBe("Episodes");
		expect(episodeFolderOf({ atlasFolder: "A", episodeFolder: "/Eps/" })).toBe("Eps");
		expect(episodeNotePath("Eps", "E001")).toBe("Eps/E001.md");
		expect(episodeNotePath("", "E001")).toBe("E001.md");
	});

	it("recognise an episode note by folder and name or by frontmatter", () => {
		const syntax = codeSyntax();
		expect(episodeCodeOf("Eps/E001.md", "", syntax, "Eps")).toBe("E001");
		expect(episodeCodeOf("Other/E001.md", "", syntax, "Eps")).toBeUndefined();
		expect(episodeCodeOf("x.md", "---\ntype: episode\ncode: 'E002'\n---\n", syntax, "Eps")).toBe("E002");
		expect(episodeCodeOf("x.md", "---\ntype: review\ncode: E002\n---\n", syntax, "Eps")).toBeUndefined();
		expect(episodeCodeOf("x.md", "---\ntype: episode\ncode: nope\n---\n", syntax, "Eps")).toBeUndefined();
	});

	it("write a new note the index recognises as the episode note", () => {
		const syntax = codeSyntax("EP \\d+");
		const text = newEpisodeNote("EP 7");
		expect(text).toBe('---\ntype: episode\ncode: "EP 7"\ntags:\n  - atlas/episode\n---\n# EP 7\n\n');
		expect(episodeCodeOf("Elsewhere/new.md", text, syntax, "Eps")).toBe("EP 7");
	});
});
