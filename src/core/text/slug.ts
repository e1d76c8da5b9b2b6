/** A tag- and id-safe slug: lower case letters, digits and single hyphens (Unicode letters kept). */
export function slugify(text: string): string {
	const slug = text
		.normalize("NFC")
		.toLowerCase()
		.replace(/['’‘`]/g, "")
		.replace(/[^\p{L}\p{N}]+/gu, "-")
		.replace(/^-+|-+$/g, "");
	return slug === "" ? "untitled" : slug;
}

/** One level of a nested Obsidian tag: a slug that is never all digits (Obsidian ignores such tags). */
export function tagSegment(text: string): string {
	const slug = slugify(text);
	return /^\d+$/.test(slug) ? `n${slug}` : slug;
}
