/** The YAML port: the core never imports a YAML library; each host hands it one. */

/** A YAML serializer/parser (js-yaml in Node; Obsidian's `stringifyYaml`/`parseYaml` in the app). */
export interface YamlPort {
	/** Serializes a plain object as YAML (no `---` fences), ending with a newline. */
	stringify(value: Record<string, unknown>): string;
	/** Parses YAML text; throws on invalid YAML. */
	parse(text: string): unknown;
	/**
	 * One top-level `key: value` pair as `stringify` writes it inside a mapping, where the host can write it directly
	 * and cheaply; null (or no method) sends it to `stringify`.
	 */
	stringifyPair?(key: string, value: unknown): string | null;
}

/** Properties that differ in every note: not worth remembering. */
const UNIQUE_KEYS = new Set(["title", "aliases", "atlas_id", "description", "slug", "code"]);

/**
 * The host's YAML, writing a mapping pair by pair and reusing the text of a pair it wrote before: tags, sources,
 * types and flags repeat across thousands of notes, and serializing them was a fifth of an import. The host's
 * serializer still writes every distinct pair; a top-level block mapping is the concatenation of its pairs.
 */
export function pairwiseYaml(yaml: YamlPort): YamlPort {
	const written = new Map<string, string>();
	return {
		parse: (text) => yaml.parse(text),
		stringify(value) {
			const keys = Object.keys(value);
			if (keys.length === 0) return yaml.stringify(value);
			let out = "";
			for (const key of keys) {
				// What the host writes directly needs no memory: most pairs, in the command-line tool.
				const direct = yaml.stringifyPair?.(key, value[key]) ?? null;
				if (direct !== null) {
					out += direct;
					continue;
				}
				const pair = { [key]: value[key] };
				if (UNIQUE_KEYS.has(key)) {
					out += yaml.stringify(pair);
					continue;
				}
				const v = value[key];
				// A string or number names itself (its type marked); anything else by its JSON.
				const id = typeof v === "string" ? `${key}\u0000s${v}` : typeof v === "number" ? `${key}\u0000n${v}` : `${key}\u0000j${JSON.stringify(v)}`;
				let text = written.get(id);
				if (text === undefined) {
					text = yaml.stringify(pair);
					written.set(id, text);
				}
				out += text;
			}
			return out;
		},
	};
}
