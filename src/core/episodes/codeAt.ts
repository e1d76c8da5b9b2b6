/** The episode code at a cursor: a plain code or a link to an episode note under or touching the column. */
import type { CodeSyntax } from "./code";
import { mentionsInLine } from "./mentions";

/** The code at column `ch` of a line (touching either edge counts), or null. */
export function codeAt(line: string, ch: number, syntax: CodeSyntax): string | null {
	for (const mention of mentionsInLine(line, { syntax })) {
		if (ch >= mention.from && ch <= mention.to) return mention.code;
	}
	return null;
}
