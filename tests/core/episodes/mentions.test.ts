import { codeAt, codeSyntax, findMentions, frontmatterEnd, mentionsInLine, classifyLines } from "../../../src/core";

const syntax = codeSyntax();
const codes = (text: string, selfCode?: string): string[] =>
	findMentions(text, { syntax, ...(selfCode === undefined ? {} : { selfCode }) }).map((m) => `${m.form}:${m.code}@${m.line}:${m.ch}`);

describe("findMentions", () => {
	it("finds plain codes and links to episode notes, with their line and column", () => {
		expect(codes("Shown in E026 and [[E011]].\nAlso [[Episodes/E009|the bug]] and [x](Episodes/E008.md).")).toEqual([
			"plain:E026@1:9",
			"link:E011@1:18",
			"link:E009@2:5",
			"link:E008@2:35",
		]);
	});

	it("skips frontmatter, fenced code, inline code, URLs, tags, comments and links to other notes", () => {
		const text = [
			"---",
			"episodes:",
			"  - E001",
			"---",
			"```",
			"E002 in code",
			"```",
			"Inline `E003` and ``a ` E004`` here, https://x.org/E005 and www.y.org/E006 and #E007.",
			"A %% hidden E008 %% comment and [[Some note|see E009]] and [E010](https://z.org).",
			"%%",
			"E011 in a comment block",
			"%% E012 after the comment",
			"~~~md",
			"E013",
			"~~~",
			"Escaped \\E014 and E0155 and XE016 are not codes.",
		].join("\n");
		expect(codes(text)).toEqual(["plain:E012@12:3"]);
	});

	it("skips indented code blocks, but not indented list items or paragraph continuations", () => {
		const text = [
			"Intro E001.",
			"",
			"    E002 in an indented block",
			"",
			"\tE003 after a blank line inside the block",
			"Back to prose E004.",
			"- item E005",
			"",
			"    continued item E006",
			"    - nested E007",
			"",
			"Paragraph E008",
			"    lazy continuation E009",
			"## Heading",
			"    E010 in a block after a heading",
		].join("\n");
		expect(codes(text)).toEqual(["plain:E001@1:6", "plain:E004@6:14", "plain:E005@7:7", "plain:E006@9:19", "plain:E007@10:13", "plain:E008@12:10", "plain:E009@13:22"]);
	});

	it("tells URLs, autolinks and tags from codes beside them", () => {
		const text = "See <https://x.org/E001>, (https://y.org/a/E002). Then E003, #topic/E004 and a#E005 and [[E006]]#E007 E008.";
		expect(codes(text)).toEqual(["plain:E003@1:55", "plain:E005@1:79", "link:E006@1:88", "plain:E008@1:102"]);
	});

	it("skips the generated Cited by section", () => {
		const text = "Before E001\n%% research-atlas:cited-by start — generated %%\n- E002 quoted\n%% research-atlas:cited-by end %%\nAfter E003";
		expect(codes(text)).toEqual(["plain:E001@1:7", "plain:E003@5:6"]);
	});

	it("skips the quotes and listings the import wrote between markers, and nothing past their end", () => {
		const text = "Before E001\n%% research-atlas:quoted start: quotes and listings, not citations %%\n\n| [[E002]] | x |\n- E003 quoted\n%% research-atlas:cited-by end %%\n- E004 still quoted\n%% research-atlas:quoted end %%\nAfter E005";
		expect(codes(text)).toEqual(["plain:E001@1:7", "plain:E005@9:6"]);
	});

	it("does not count an episode note's own code", () => {
		expect(codes("E026 cites [[E026]] and E011.", "E026")).toEqual(["plain:E011@1:24"]);
	});

	it("marks bare links, which can be turned back into plain codes", () => {
		expect(mentionsInLine("[[E001]] [[E002|x]] [[E003#^p1]] ![[E004]] [[Episodes/E005]]", { syntax }).map((m) => `${m.code}:${m.bare}`)).toEqual([
			"E001:true",
			"E002:false",
			"E003:false",
			"E004:false",
			"E005:true",
		]);
	});

	it("follows a custom code pattern", () => {
		const custom = codeSyntax("EP-\\d+");
		expect(findMentions("EP-12 and E026 and [[EP-7]]", { syntax: custom }).map((m) => m.code)).toEqual(["EP-12", "EP-7"]);
	});

	it("pre-filters with the bare pattern, keeping the u flag where the pattern needs it", () => {
		expect(codeSyntax("E\\d{3}").quick.flags).toBe("g");
		expect(codeSyntax("\\p{Lu}\\d{2}").quick.flags).toBe("gu");
		const accented = codeSyntax("É\\d{2}");
		expect(accented.quick.flags).toBe("gu");
		expect(findMentions("Voir É12 et XÉ13.", { syntax: accented }).map((m) => m.code)).toEqual(["É12"]);
		expect(findMentions("Only \u{1F600} and P12", { syntax: codeSyntax("\\p{Lu}\\d{2}") }).map((m) => m.code)).toEqual(["P12"]);
	});

	it("falls back to the default pattern when the setting is not a valid pattern", () => {
		expect(codeSyntax("(").pattern).toBe("E\\d{3}");
		expect(codeSyntax("").pattern).toBe("E\\d{3}");
	});
});

describe("classifyLines", () => {
	it("classifies frontmatter, headings, code, blank and prose lines", () => {
		const kinds = classifyLines("---\na: 1\n---\n# Title\n\ntext\n```js\ncode\n```\n## Sub").map((l) => `${l.kind}${l.level ?? ""}`);
		expect(kinds).toEqual(["frontmatter", "frontmatter", "frontmatter", "heading1", "blank", "text", "code", "code", "code", "heading2"]);
	});

	it("does not treat a lone --- on the first line without a closing line as frontmatter", () => {
		expect(classifyLines("---\nE001").map((l) => l.kind)).toEqual(["text", "text"]);
	});
});

describe("frontmatterEnd", () => {
	it("finds the offset after the closing line, with any line endings and trailing blanks, or 0", () => {
		const cases: Array<[string, string]> = [
			["---\na: 1\n---\nbody", "body"],
			["---\r\na: 1\r\n---\r\nbody", "body"],
			["--- \na: 1\n... \t\nbody", "body"],
			["---\na: 1\n---", ""],
			["---\n---\nbody", "body"],
		];
		for (const [text, rest] of cases) expect(text.slice(frontmatterEnd(text))).toBe(rest);
		for (const text of ["---\na: 1\n----\nbody", "---x\na\n---\nb", "no frontmatter\n---\n", "---\na: 1\n", "---\na\n---x\n", " ---\na\n---\n"]) expect(frontmatterEnd(text)).toBe(0);
	});
});

describe("codeAt", () => {
	it("returns the code under or touching the cursor column", () => {
		const line = "See E026 and [[E011]] here";
		expect(codeAt(line, 4, syntax)).toBe("E026");
		expect(codeAt(line, 8, syntax)).toBe("E026");
		expect(codeAt(line, 16, syntax)).toBe("E011");
		expect(codeAt(line, 23, syntax)).toBeNull();
	});
});
