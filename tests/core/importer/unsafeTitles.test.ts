import { importPages, MemoryVault, safeBaseName } from "../../../src/core";
import { nodeYaml } from "../../../src/cli/yaml";
import { frontmatterOf, unresolvedLinks } from "../../helpers/vaultChecks";
import { rng } from "../../helpers/random";

const NASTY = [
	'Does "RL: the sequel" beat #1 [baseline] <b>really</b>?',
	"../../etc/passwd",
	"..\\..\\Windows\\System32",
	"CON",
	"lpt1.txt",
	"Same title differing in case",
	"SAME TITLE DIFFERING IN CASE",
	"Ends with a dot.",
	"Tab\tand  spaces   ",
	"Cafe\u0301 au lait (decomposed é)",
	"Pipes | and ^carets and * stars",
	`${"Very long title ".repeat(20)}end`,
	"'quoted' and — dashes: yes",
];

function clusterPage(titles: string[]): string {
	const cards = titles.flatMap((t) => [t, "", `Description of ${t}.`, "", "Explore related Read →", ""]);
	return ["← All clusters", "", "Edge: cases / cluster", "", "A cluster of awkward titles.", "", `${titles.length} notes (primary) · 1 papers · 1 sub-topics`, "View as", "", "Odd: names?", "", `${titles.length} notes`, "", ...cards].join("\n");
}

describe("importing awkward titles", () => {
	it("writes safe, unique file names inside the target folder and keeps every exact title in frontmatter", async () => {
		const vault = new MemoryVault();
		const result = await importPages([{ file: "edge.txt", text: clusterPage(NASTY) }], vault, { root: "Atlas", yaml: nodeYaml });
		expect(result.rejected).toEqual([]);
		const questions = [...vault.files.entries()].filter(([p]) => p.startsWith("Atlas/Questions/"));
		expect(questions).toHaveLength(NASTY.length);
		const lower = new Set(questions.map(([p]) => p.toLowerCase()));
		expect(lower.size).toBe(NASTY.length);
		for (const path of vault.files.keys()) {
			expect(path.startsWith("Atlas/")).toBe(true);
			for (const segment of path.split("/")) {
				expect(segment).not.toMatch(/[\\/:*?"<>|#^[\]]/);
				expect(segment).not.toMatch(/[. ]$/);
				expect(segment).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
				expect(segment).toBe(segment.normalize("NFC"));
				expect(new TextEncoder().encode(segment).length).toBeLessThan(200);
			}
		}
		const titles = questions.map(([, content]) => frontmatterOf(content).title);
		const expected = NASTY.map((t) => t.normalize("NFC").replace(/\s+/g, " ").trim());
		expect([...titles].sort()).toEqual([...expected].sort());
		expect(unresolvedLinks(vault.files)).toEqual([]);
	});

	it("names the two titles that differ only in case apart, stably across imports", async () => {
		const vault = new MemoryVault();
		await importPages([{ file: "edge.txt", text: clusterPage(NASTY) }], vault, { root: "", yaml: nodeYaml });
		expect(vault.files.has("Questions/Same title differing in case.md")).toBe(true);
		expect(vault.files.has("Questions/SAME TITLE DIFFERING IN CASE (2).md")).toBe(true);
		const again = await importPages([{ file: "edge.txt", text: clusterPage([...NASTY].reverse()) }], vault, { root: "", yaml: nodeYaml });
		expect(again.created).toEqual([]);
		expect(frontmatterOf(vault.files.get("Questions/SAME TITLE DIFFERING IN CASE (2).md") ?? "").title).toBe("SAME TITLE DIFFERING IN CASE");
	});
});

describe("safeBaseName", () => {
	it.each([
		["a/b\\c", "a-b-c"],
		["What: now?", "What - now"],
		['say "hi"', "say 'hi'"],
		["#tag [x] ^y | z", "tag x y - z"],
		["CON", "CON_"],
		["nul.md", "nul_.md"],
		["lpt1.txt", "lpt1_.txt"],
		["console", "console"],
		["  ...  ", "Untitled"],
		["dots...", "dots"],
		["e\u0301", "\u00e9"],
	])("%j → %j", (input, output) => {
		expect(safeBaseName(input)).toBe(output);
	});
});

/** The rules of `safeBaseName` one after the other, with no shortcut: the reference it must agree with. */
function safeBaseNameByRules(title: string): string {
	let name = title
		.normalize("NFC")
		.replace(/[/\\|]/g, "-")
		.replace(/:/g, " -")
		.replace(/"/g, "'")
		.replace(/[\\/:*?"<>|#^[\]]/g, "");
	name = [...name].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join("");
	name = name.replace(/\s+/g, " ").trim();
	if (new TextEncoder().encode(name).length > 150) {
		let out = "";
		for (const ch of name) {
			if (new TextEncoder().encode(out + ch).length > 150) break;
			out += ch;
		}
		const space = out.lastIndexOf(" ");
		name = space > 75 ? out.slice(0, space) : out;
	}
	name = name.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
	if (name === "") name = "Untitled";
	return name.replace(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i, "$1_");
}

describe("safeBaseName agrees with its rules applied one by one", () => {
	it("on random titles", () => {
		const pieces = ["a", "Z", "0", " ", "  ", ".", "?", "-", "'", "(", ")", ":", "/", "\\", "|", '"', "#", "^", "[", "]", "*", "<", ">", "\t", "\u0007", "é", "e\u0301", "日", "😀", "con", "NUL", "lpt1", "x".repeat(60), "word "];
		const random = rng(5);
		for (let n = 0; n < 5000; n++) {
			let title = "";
			const length = Math.floor(random() * 10);
			for (let i = 0; i < length; i++) title += pieces[Math.floor(random() * pieces.length)];
			if (random() < 0.3) title += "?";
			expect([title, safeBaseName(title)]).toEqual([title, safeBaseNameByRules(title)]);
		}
	});
});
