import { splitFrontmatter } from "../../../src/core";

/** The definition splitFrontmatter implements without a regular expression. */
const FRONTMATTER = /^---\n([\s\S]*?\n)?---(?:\n|$)/;

function byRegex(content: string): { yaml: string | null; body: string } {
	const m = FRONTMATTER.exec(content);
	return m === null ? { yaml: null, body: content } : { yaml: m[1] ?? "", body: content.slice(m[0].length) };
}

describe("splitFrontmatter", () => {
	const cases = [
		"---\ntitle: A\n---\nBody\n",
		"---\ntitle: A\n---",
		"---\n---\nBody",
		"---\n---",
		"---\ntitle: A\n----\nstill yaml\n---\nBody",
		"---\ntitle: A\n--- not a close\n---\n",
		"---\nunclosed: true\n",
		"--- \ntitle: A\n---\n",
		"No frontmatter\n---\n",
		"",
		"---",
		"---\n",
		"---\n\n---\n\nBody with --- inside\n---\n",
	];
	it.each(cases)("splits %j as the frontmatter pattern does", (content) => {
		expect(splitFrontmatter(content)).toEqual(byRegex(content));
	});
});
