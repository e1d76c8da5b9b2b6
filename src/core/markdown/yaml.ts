/** The YAML port: the core never imports a YAML library; each host hands it one. */

/** A YAML serializer/parser (js-yaml in Node; Obsidian's `stringifyYaml`/`parseYaml` in the app). */
export interface YamlPort {
	/** Serializes a plain object as YAML (no `---` fences), ending with a newline. */
	stringify(value: Record<string, unknown>): string;
	/** Parses YAML text; throws on invalid YAML. */
	parse(text: string): unknown;
}
