/**
 * Hubs benchmark: a generated corpus (2,000 pages in the seeds' formats, about 21,000 notes) imported by the core,
 * then (1) a hub over exactly 10,000 tagged notes: plan, render and splice into the hub note, sections by nested tag
 * and, for reference, automatic; (2) related notes for one note in a 10,000-note vault, per query on a built index
 * and one-off including the index build.
 */
import { hubSource, importPages, MemoryVault, newHubSpec, notesFromFiles, planHub, RelatedIndex, relatedNotes, updatedHubText, type NoteInfo, type SectionMode } from "../../src/core";
import { nodeYaml } from "../../src/cli/yaml";
import { generatePages, rng } from "../corpus";
import { median, now, time, type Figure } from "../report";

const PAGES = Number(process.env.BENCH_HUB_PAGES ?? 2000);
const TAGGED = 10000;
const VAULT = 10000;
const RUNS = 7;
const HUB_TARGET_MS = 300;
const RELATED_TARGET_MS = 50;

/** Deterministic shuffle (Fisher–Yates with the corpus PRNG). */
function shuffled<T>(items: T[], seed: number): T[] {
	const random = rng(seed);
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

/** Gives the first 10,000 questions a `bench/hub/<cluster>` tag, so one hub gathers exactly 10,000 notes in one section per cluster. */
function tagForHub(notes: NoteInfo[]): { notes: NoteInfo[]; tagged: number } {
	let tagged = 0;
	const out = notes.map((note) => {
		if (tagged >= TAGGED || note.frontmatter.type !== "question") return note;
		const cluster = note.tags.find((t) => t.startsWith("cluster/"))?.split("/")[1];
		if (cluster === undefined) return note;
		tagged++;
		return { ...note, tags: [...note.tags, `bench/hub/${cluster}`] };
	});
	return { notes: out, tagged };
}

function hubFigure(name: string, ms: number, target: boolean): Figure {
	return { suite: "hubs", name, value: ms, unit: "ms", ...(target ? { target: `< ${HUB_TARGET_MS} ms`, ok: ms < HUB_TARGET_MS } : {}) };
}

/** Runs the suite. */
export async function hubsSuite(): Promise<Figure[]> {
	const vault = new MemoryVault();
	await importPages(generatePages(PAGES, 1), vault, { root: "", yaml: nodeYaml });
	const all = notesFromFiles([...vault.files].map(([path, content]) => ({ path, content, mtime: vault.mtimes.get(path) ?? 0 })), nodeYaml);
	const { notes, tagged } = tagForHub(all);
	const source = hubSource(notes);
	const hubText = "---\ntype: hub\nhub_tag: bench/hub\n---\n";
	const figures: Figure[] = [{ suite: "hubs", name: `vault notes (${tagged.toLocaleString("en-US")} tagged for the hub)`, value: notes.length, unit: "notes" }];

	const measureHub = async (mode: SectionMode): Promise<{ ms: number; sections: number; cards: number }> => {
		const spec = newHubSpec("bench/hub", mode, { sort: "title", excludeFolders: [], excludeKey: "atlas_exclude" });
		let sections = 0;
		let cards = 0;
		const runs = await time(RUNS, () => {
			const plan = planHub(source, spec, "Hubs/Bench.md");
			updatedHubText(hubText, plan);
			sections = plan.sections;
			cards = plan.members.length;
		});
		return { ms: median(runs), sections, cards };
	};
	const nested = await measureHub({ kind: "nested" });
	figures.push(hubFigure(`hub over ${nested.cards.toLocaleString("en-US")} tagged notes, nested sections (${nested.sections}): plan + render + splice`, nested.ms, true));
	const auto = await measureHub({ kind: "auto" });
	figures.push(hubFigure(`hub over ${auto.cards.toLocaleString("en-US")} tagged notes, automatic sections (${auto.sections}): plan + render + splice`, auto.ms, false));

	const sample = shuffled(all, 7).slice(0, VAULT);
	const index = new RelatedIndex(sample);
	const queries = sample.filter((n) => n.frontmatter.type === "review" || n.frontmatter.type === "question").slice(0, 20);
	const perQuery = queries.map((query) => {
		const start = now();
		index.related(query.path, 25);
		return now() - start;
	});
	const queryMs = median(perQuery);
	figures.push({ suite: "hubs", name: `related notes, one note in a ${index.size.toLocaleString("en-US")}-note vault (index built; median of ${queries.length} notes)`, value: queryMs, unit: "ms", target: `< ${RELATED_TARGET_MS} ms`, ok: queryMs < RELATED_TARGET_MS });
	const oneOff = median(await time(3, () => relatedNotes(sample, queries[0]?.path ?? "", 25)));
	figures.push({ suite: "hubs", name: `related notes one-off, including building the index of ${index.size.toLocaleString("en-US")} notes`, value: oneOff, unit: "ms" });
	return figures;
}
