/**
 * @jest-environment jsdom
 *
 * TextWidths: a text's width is the sum of its characters' advances, each measured once per font.
 */
import { installDomHelpers } from "../../../obsidian-stub/dom";
import { TextWidths } from "../../../../src/obsidian/graph/canvas/textWidths";

beforeAll(() => installDomHelpers());

describe("TextWidths", () => {
	it("sums per-character advances, measuring each character once per font", () => {
		const measured: string[] = [];
		const context = { font: "", measureText: (text: string) => (measured.push(`${context.font}:${text}`), { width: text === "m" ? 9 : 5 }) };
		HTMLCanvasElement.prototype.getContext = (() => context) as unknown as typeof HTMLCanvasElement.prototype.getContext;
		const widths = new TextWidths();
		expect(widths.width("mama", "12px a")).toBe(28);
		expect(widths.width("am", "12px a")).toBe(14);
		expect(measured).toEqual(["12px a:m", "12px a:a"]);
		expect(widths.width("m", "13px a")).toBe(9);
		widths.clear();
		widths.width("m", "12px a");
		expect(measured).toHaveLength(4);
	});
});
