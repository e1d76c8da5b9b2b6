/** A readable heading for a tag level that has no section note: `rlvr-side-effects` → "Rlvr side effects". */
export function headingFromSlug(slug: string): string {
	const words = slug.split(/[-_]+/).filter((w) => w !== "");
	if (words.length === 0) return slug;
	const text = words.join(" ");
	return text.charAt(0).toUpperCase() + text.slice(1);
}
