/** The core's YAML port backed by js-yaml (the serializer Obsidian itself uses). */
import { dump, load } from "js-yaml";
import type { YamlPort } from "../core";

/** js-yaml with long lines kept whole, so ids and titles stay on one line. */
export const nodeYaml: YamlPort = {
	stringify: (value) => dump(value, { lineWidth: -1, noRefs: true }),
	parse: (text) => load(text),
};
