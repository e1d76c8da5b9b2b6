/** Recovers a readable episode title from a URL slug such as `026-rethinking-rl-for-llm-reasoning-…`. */

/** Slugs in the scraped pages are cut at this many characters after the number. */
export const SLUG_CUT_LENGTH = 60;

const UPPER = new Set([
	"ai", "rl", "llm", "llms", "sft", "rlhf", "rlvr", "ppo", "grpo", "dpo", "lora", "gpt", "cot", "prm", "prms",
	"kl", "api", "nlp", "qa", "rag", "moe", "ml", "gpu", "gpus", "usamo", "imo", "vlm", "vlms", "ppl",
]);

/** A title for a slug: words from its hyphens, known acronyms upper-cased, `…` where the slug was cut. */
export function titleFromSlug(slug: string): string {
	const cut = slug.length >= SLUG_CUT_LENGTH;
	const words = slug
		.split("-")
		.filter((word) => word !== "")
		.map((word) => (UPPER.has(word.toLowerCase()) ? word.toUpperCase() : word));
	if (words.length === 0) return "";
	const first = words[0] ?? "";
	words[0] = first.charAt(0).toUpperCase() + first.slice(1);
	return words.join(" ") + (cut ? "…" : "");
}
