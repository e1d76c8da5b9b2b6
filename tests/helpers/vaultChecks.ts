/** Checks over a generated vault held in memory: parsed frontmatter and wiki-link resolution. */
import { load } from "js-yaml";
import { LinkResolver, splitFrontmatter } from "../../src/core";

/** A note's frontmatter as a plain object (empty when it has none). */
export function frontmatterOf(content: string): Record<string, unknown> {
	const { yaml } = splitFrontmatter(content);
	return yaml === null ? {} : ((load(yaml) as Record<string, unknown> | null) ?? {});
}

/** Every wiki link in the vault's Markdown that does not resolve to a file, as "path → link". */
export function unresolvedLinks(files: Map<string, string>): string[] {
	const resolver = new LinkResolver(files.keys());
	const broken: string[] = [];
	for (const [path, content] of files) {
		if (!path.endsWith(".md")) continue;
		for (const m of content.matchAll(/\[\[([^\]|#]+)(#[^\]|]*)?(\|[^\]]*)?\]\]/g)) {
			const target = m[1] ?? "";
			if (resolver.resolve(target) === null) broken.push(`${path} → ${target}`);
			const anchor = m[2];
			if (anchor?.startsWith("#^")) {
				const dest = resolver.resolve(target);
				const text = dest === null ? "" : (files.get(dest) ?? "");
				if (!text.includes(` ^${anchor.slice(2)}\n`)) broken.push(`${path} → ${target}${anchor}`);
			}
		}
	}
	return broken;
}
