/** A note's first paragraph of prose as plain text: the card description of a note without a `description`. */

/** Longer paragraphs are cut at a word boundary near this many characters. */
const MAX_LENGTH = 240;

const SKIPPED_LINE = /^(#{1,6}\s|>|%%|!\[\[|```|~~~|\||[-*_]{3,}\s*$|<!--|\^[\w-]+$|[-*+]\s|\d+[.)]\s)/;

/** Markdown inline syntax to plain text: links to their shown text, emphasis and code marks dropped. */
function plain(text: string): string {
	return text
		.replace(/!?\[\[([^\]|]+)\|([^\]]+)\]\]/g, "$2")
		.replace(/!?\[\[([^\]#|]+)(?:#[^\]]*)?\]\]/g, "$1")
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
		.replace(/(\*\*|__|==|~~|`)/g, "")
		.replace(/(^|\s)[*_](\S(?:.*?\S)?)[*_](?=\s|$|[.,;:!?])/g, "$1$2")
		.replace(/\s\^[\w-]+$/, "")
		.replace(/\\([\\`*_[\]<>$|^=~%#])/g, "$1")
		.replace(/\s+/g, " ")
		.trim();
}

/** The first paragraph of a Markdown body (frontmatter already removed): "" when it has no prose paragraph. */
export function firstParagraph(body: string): string {
	const lines = body.split("\n");
	let i = 0;
	let fence: string | null = null;
	for (; i < lines.length; i++) {
		const line = (lines[i] ?? "").trim();
		if (fence !== null) {
			if (line.startsWith(fence)) fence = null;
			continue;
		}
		if (line.startsWith("```") || line.startsWith("~~~")) {
			fence = line.slice(0, 3);
			continue;
		}
		if (line === "" || SKIPPED_LINE.test(line)) continue;
		break;
	}
	const paragraph: string[] = [];
	for (; i < lines.length; i++) {
		const line = (lines[i] ?? "").trim();
		if (line === "" || SKIPPED_LINE.test(line)) break;
		paragraph.push(line);
	}
	const text = plain(paragraph.join(" "));
	if (text.length <= MAX_LENGTH) return text;
	const cut = text.slice(0, MAX_LENGTH);
	const space = cut.lastIndexOf(" ");
	return `${(space > MAX_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
