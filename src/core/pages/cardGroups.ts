/** Parses the list part shared by cluster and hub pages: named groups, each with `N notes` and cards. */
import { diagnostic, type Diagnostic } from "../diagnostics";
import type { NumberedLine } from "../text/normalize";
import type { Card, CardGroup } from "./model";
import { isCardFooter, isViewAsLine, notesCount } from "./lines";

/** The groups found and what looked wrong while reading them. */
export interface CardGroupsResult {
	groups: CardGroup[];
	diagnostics: Diagnostic[];
}

function isGroupStart(lines: NumberedLine[], i: number): boolean {
	const next = lines[i + 1];
	return next !== undefined && notesCount(next.text) !== null && notesCount(lines[i]?.text ?? "") === null;
}

/** Reads groups from `lines` (everything after the stats line); `file` names the input in messages. */
export function parseCardGroups(lines: NumberedLine[], file: string): CardGroupsResult {
	const groups: CardGroup[] = [];
	const diagnostics: Diagnostic[] = [];
	let current: CardGroup | null = null;
	let pending: NumberedLine[] = [];

	const flushCard = (complete: boolean): void => {
		if (pending.length === 0) return;
		const [first, ...rest] = pending;
		pending = [];
		if (first === undefined) return;
		if (current === null) {
			diagnostics.push(diagnostic("text-outside-group", file, "warning", `text before the first sub-topic or section was skipped: "${first.text}"`, first.line));
			return;
		}
		const card: Card = { title: first.text, description: rest.map((l) => l.text).join(" "), line: first.line };
		if (!complete) {
			diagnostics.push(diagnostic("truncated-card", file, "warning", `the card "${card.title}" has no "Explore related" line; the page looks cut here`, first.line));
		}
		current.cards.push(card);
	};

	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (line === undefined || isViewAsLine(line.text)) continue;
		if (isCardFooter(line.text)) {
			flushCard(true);
			continue;
		}
		if (isGroupStart(lines, i)) {
			flushCard(false);
			current = { name: line.text, declaredNotes: notesCount(lines[i + 1]?.text ?? ""), cards: [], line: line.line };
			groups.push(current);
			i++;
			continue;
		}
		pending.push(line);
	}
	flushCard(false);
	return { groups, diagnostics };
}
