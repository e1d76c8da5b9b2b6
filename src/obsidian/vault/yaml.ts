/** The core's YAML port backed by Obsidian's own parser and serializer (no Node, works on mobile). */
import { parseYaml, stringifyYaml } from "obsidian";
import type { YamlPort } from "../../core";

/** Obsidian's YAML functions, as the core expects them. */
export const obsidianYaml: YamlPort = {
	stringify: (value) => stringifyYaml(value),
	parse: (text) => parseYaml(text) as unknown,
};
