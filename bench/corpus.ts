/**
 * A generated corpus in the seeds' formats (literature reviews, cluster pages, hub pages), deterministic for a
 * given seed: sentences recombined from the real seeds, episode codes E001–E999, shared question titles, gaps.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { InputFile } from "../src/core";
import { rng } from "../tests/helpers/random";

// The suites seed their own samples with the corpus's generator.
export { rng };

function pick<T>(random: () => number, list: T[]): T {
	return list[Math.floor(random() * list.length)] as T;
}

interface Material {
	sentences: string[];
	headings: string[];
	questions: { title: string; description: string }[];
	words: string[];
}

function material(seedsDir: string): Material {
	const texts = readdirSync(seedsDir).map((f) => readFileSync(join(seedsDir, f), "utf8"));
	const all = texts.join("\n");
	const sentences = all
		.split("\n")
		.filter((l) => l.length > 120)
		.flatMap((l) => l.split(/(?<=[.!?])\s+(?=[A-Z])/))
		.map((s) => s.replace(/\s*E\d{3}\.?$/, "").replace(/[.!?]$/, ""))
		.filter((s) => s.length > 40);
	const lines = all.split("\n").map((l) => l.trim());
	const headings = lines.filter((l) => l.length > 10 && l.length < 70 && !/[.?!:,]$/.test(l) && !/^(←|View|Explore|Topic Hub|Literature review|Episodes anchoring|- |\d)/.test(l) && !l.includes("·"));
	const questions: Material["questions"] = [];
	lines.forEach((l, i) => {
		if (l.endsWith("?") && l.length < 120 && lines[i + 2] !== undefined && (lines[i + 2] ?? "").length > 60) questions.push({ title: l, description: lines[i + 2] ?? "" });
	});
	const words = [...new Set(all.toLowerCase().match(/[a-z]{5,}/g) ?? [])];
	return { sentences, headings, questions, words };
}

function code(random: () => number): string {
	return `E${String(1 + Math.floor(random() * 999)).padStart(3, "0")}`;
}

function paragraph(random: () => number, m: Material): string {
	const count = 3 + Math.floor(random() * 3);
	const out: string[] = [];
	for (let i = 0; i < count; i++) out.push(`${pick(random, m.sentences)}${random() < 0.7 ? ` ${code(random)}` : ""}.`);
	return out.join(" ");
}

function questionTitle(random: () => number, m: Material, pool: number): { title: string; description: string } {
	const base = m.questions[Math.floor(random() * m.questions.length)] ?? { title: "What is it?", description: "" };
	const variant = Math.floor(random() * pool);
	return { title: `${base.title.replace(/\?$/, "")} (${pick(random, m.words)} ${variant})?`, description: base.description };
}

function review(random: () => number, m: Material, n: number): string {
	const anchors = 4 + Math.floor(random() * 4);
	const lines = [`Literature review · ${anchors} episode(s)`, "", `${pick(random, m.headings)} ${n}`, "", "← all topics  ·  Glossary →", ""];
	for (let s = 0; s < 3; s++) {
		lines.push(pick(random, m.headings), "");
		for (let p = 0; p < 2; p++) lines.push(paragraph(random, m), "");
	}
	lines.push("Episodes anchoring this topic");
	for (let a = 0; a < anchors; a++) {
		const c = code(random).slice(1);
		lines.push(`- ${c}-${pick(random, m.words)}-${pick(random, m.words)}-${pick(random, m.words)}`, `${pick(random, m.sentences)}.`);
	}
	return lines.join("\n");
}

function cardPage(random: () => number, m: Material, n: number, kind: "cluster" | "hub", pool: number): string {
	const groups = 3 + Math.floor(random() * 4);
	const lines =
		kind === "cluster"
			? ["← All clusters", "", `${pick(random, m.headings)} cluster ${n}`, "", pick(random, m.sentences) + ".", "", `${40 + groups * 6} notes (primary) · ${100 + n} papers · ${groups} sub-topics`, "View as", ""]
			: ["← All notes", "", `${pick(random, m.headings)} hub ${n}?`, "", pick(random, m.sentences) + ".", "", `Topic Hub · ${groups * 5} linked notes · ${groups} sections`, "View as", ""];
	for (let g = 0; g < groups; g++) {
		const cards = (kind === "cluster" ? 5 : 3) + Math.floor(random() * 4);
		lines.push(`${pick(random, m.headings)} ${g + 1}`, "", `${cards} notes`, "");
		for (let c = 0; c < cards; c++) {
			const q = questionTitle(random, m, pool);
			lines.push(q.title, "", q.description, "", "Explore related Read →", "");
		}
	}
	return lines.join("\n");
}

/** `count` pages (70% reviews, 20% clusters, 10% hubs) named like the seeds, from the seeds in `seedsDir`. */
export function generatePages(count: number, seed = 1, seedsDir = "seeds"): InputFile[] {
	const random = rng(seed);
	const m = material(seedsDir);
	const pool = Math.max(50, Math.floor(count * 1.5));
	const pages: InputFile[] = [];
	for (let i = 0; i < count; i++) {
		const roll = i % 10;
		const text = roll < 7 ? review(random, m, i) : roll < 9 ? cardPage(random, m, i, "cluster", pool) : cardPage(random, m, i, "hub", pool);
		pages.push({ file: `${String(i).padStart(5, "0")}_${Math.floor(random() * 1e12).toString(16)}.txt`, text });
	}
	return pages;
}
