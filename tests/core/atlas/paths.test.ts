import { isInside } from "../../../src/core/atlas/paths";
import { rng } from "../../helpers/random";

/** The rule written out segment by segment: the reference `isInside` must agree with. */
function insideBySegments(root: string, path: string): boolean {
	const parts = path.split("/");
	if (parts.some((p) => p === ".." || p === "." || p === "") || path.startsWith("/") || /^[a-z]:/i.test(path)) return false;
	return root === "" || path.startsWith(`${root}/`);
}

describe("isInside", () => {
	it.each([
		["", "Questions/A.md", true],
		["Atlas", "Atlas/Questions/A.md", true],
		["Atlas", "Atlas2/A.md", false],
		["", "../A.md", false],
		["", "Questions/./A.md", false],
		["", "/etc/passwd", false],
		["", "Questions//A.md", false],
		["", "C:/A.md", false],
		["", "...md", true],
		["", "", false],
	])("%j holds %j: %s", (root, path, inside) => {
		expect(isInside(root, path)).toBe(inside);
	});

	it("agrees with the segment-by-segment rule on random paths", () => {
		const pieces = ["a", "B", ".", "..", "...", "/", "//", "c:", "Atlas", "Atlas/", " ", "é"];
		const random = rng(9);
		for (let n = 0; n < 5000; n++) {
			let path = "";
			const length = Math.floor(random() * 7);
			for (let i = 0; i < length; i++) path += pieces[Math.floor(random() * pieces.length)];
			const root = random() < 0.5 ? "" : "Atlas";
			expect([root, path, isInside(root, path)]).toEqual([root, path, insideBySegments(root, path)]);
		}
	});
});
