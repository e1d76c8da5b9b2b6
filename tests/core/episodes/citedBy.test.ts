import { applyCitedBy, CITED_BY_END, CITED_BY_START, CitationIndex, findCitedBy, renderCitedBy } from "../../../src/core";

function sectionFor(notes: Record<string, string>, code: string): string {
	const idx = new CitationIndex({ codePattern: "E\\d{3}", episodeFolder: "Episodes" });
	for (const [path, text] of Object.entries(notes)) idx.setNote(path, text);
	return renderCitedBy(idx.groups(code), idx.syntax, (path) => path.replace(/\.md$/, "").split("/").pop() ?? path);
}

describe("renderCitedBy", () => {
	it("lists each citing note with its quoted sentences, codes left plain, and links to the passages", () => {
		const section = sectionFor(
			{
				"Reviews/R.md": "## Token level\n\nRL reweights [[E026]] and [[E011]]. Next. ^p1\n\nAnd E026 again.",
				"Notes/N.md": "Plain E026 here",
			},
			"E026",
		);
		expect(section).toBe(
			[
				CITED_BY_START,
				"## Cited by",
				"",
				"Cited in 2 notes (3 passages).",
				"",
				"### [[N]]",
				"",
				"- Plain E026 here ([[N|line 1]])",
				"",
				"### [[R]]",
				"",
				"- RL reweights E026 and E011. ([[R#^p1|Token level]])",
				"- And E026 again. ([[R#Token level|Token level]])",
				CITED_BY_END,
			].join("\n"),
		);
	});

	it("says so when nothing cites the episode", () => {
		expect(sectionFor({}, "E001")).toBe([CITED_BY_START, "## Cited by", "", "Not cited in any note yet.", CITED_BY_END].join("\n"));
	});
});

describe("applyCitedBy", () => {
	const section = `${CITED_BY_START}\nnew\n${CITED_BY_END}`;

	it("appends the section when the note has none", () => {
		expect(applyCitedBy("# E001\n\nMy notes.\n\n", section)).toBe(`# E001\n\nMy notes.\n\n${section}\n`);
		expect(applyCitedBy("", section)).toBe(`${section}\n`);
	});

	it("replaces only the text between the markers", () => {
		const note = `Above\n${CITED_BY_START}\nold\n${CITED_BY_END}\nBelow`;
		expect(applyCitedBy(note, section)).toBe(`Above\n${section}\nBelow`);
		expect(applyCitedBy(applyCitedBy(note, section), section)).toBe(`Above\n${section}\nBelow`);
	});

	it("removes the section and keeps the text around it", () => {
		expect(applyCitedBy(`Above\n\n${CITED_BY_START}\nold\n${CITED_BY_END}\n\nBelow\n`, null)).toBe("Above\n\nBelow\n");
		expect(applyCitedBy(`Above\n\n${CITED_BY_START}\nold\n${CITED_BY_END}\n`, null)).toBe("Above\n");
	});

	it("leaves a note with an unclosed section alone rather than guess where it ends", () => {
		expect(findCitedBy(`x\n${CITED_BY_START}\nuser text`)).toBeNull();
	});
});
