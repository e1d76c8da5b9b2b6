/** The core's YAML port backed by js-yaml (the serializer Obsidian itself uses). */
import { dump, load } from "js-yaml";
import { plainMapping, plainPair, type YamlPort } from "../core";

/**
 * js-yaml with long lines kept whole, so ids and titles stay on one line. Mappings of plain values are written by
 * `plainMapping`, which writes exactly what js-yaml would, in a fraction of the time; anything else goes to js-yaml.
 */
export const nodeYaml: YamlPort = {
	stringify: (value) => plainMapping(value) ?? dump(value, { lineWidth: -1, noRefs: true }),
	stringifyPair: plainPair,
	parse: (text) => load(text),
};
