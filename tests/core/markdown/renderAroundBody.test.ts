import { atlasToNotes, buildAtlas, renderNote } from "../../../src/core";
import { renderAroundBody } from "../../../src/core/markdown/frontmatter";
import { pairwiseYaml } from "../../../src/core/markdown/yaml";
import { nodeYaml } from "../../../src/cli/yaml";
import { loadSeeds } from "../../helpers/seeds";

const yaml = pairwiseYaml(nodeYaml);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The note `renderAroundBody` describes, put together as the writer thread writes it. */
function assembled(frontmatter: Record<string, unknown>, body: string): { bytes: Uint8Array; fingerprint: string } {
	const bytes = utf8(body);
	const note = renderAroundBody(frontmatter, bytes, yaml);
	return { bytes: new Uint8Array([...utf8(note.before), ...bytes, ...utf8(note.after)]), fingerprint: note.fingerprint };
}

describe("renderAroundBody", () => {
	it("writes every note of the seeds byte for byte as renderNote does, with the same fingerprint", () => {
		const planned = atlasToNotes(buildAtlas(loadSeeds()), { paths: [], byId: new Map(), withoutId: new Set() }, { root: "" });
		let count = 0;
		for (const n of planned.notes) {
			const expected = renderNote(n.frontmatter, n.body, yaml);
			const got = assembled(n.frontmatter, n.body);
			expect(got.fingerprint).toBe(expected.fingerprint);
			expect(Buffer.from(got.bytes).toString("utf8")).toBe(expected.content);
			count++;
		}
		expect(count).toBeGreaterThan(100);
	});

	it.each([
		["an empty body", ""],
		["a body without a final line break", "Text — E026 😀"],
		["a body ending in one", "Text\n"],
		["a body of four-byte characters only", "😀𝔸😀"],
	])("renders %s as renderNote does", (_, body) => {
		const frontmatter = { type: "question", title: 'A: "b" #c [d] <e>', tags: ["atlas/question"], empty: [], none: null };
		const expected = renderNote(frontmatter, body, yaml);
		const got = assembled(frontmatter, body);
		expect(Buffer.from(got.bytes).toString("utf8")).toBe(expected.content);
		expect(got.fingerprint).toBe(expected.fingerprint);
	});
});
