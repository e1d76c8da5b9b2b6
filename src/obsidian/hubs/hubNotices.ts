/** What the user reads after a hub command: one short sentence per outcome. */
import type { HubOutcome } from "../../core";

function counts(o: HubOutcome): string {
	return `${o.notes} ${o.notes === 1 ? "note" : "notes"} in ${o.sections} ${o.sections === 1 ? "section" : "sections"}`;
}

/** The notice for one hub. */
export function outcomeMessage(o: HubOutcome, name: string): string {
	switch (o.status) {
		case "created":
			return `Built hub "${name}": ${counts(o)}.`;
		case "updated":
			return `Updated hub "${name}": ${counts(o)}.`;
		case "unchanged":
			return `Hub "${name}" is up to date (${counts(o)}).`;
		case "frozen":
			return `Hub "${name}" is frozen: remove hub_frozen from its properties to update it.`;
		case "conflict":
			return `Hub "${name}" changed while it was being updated; nothing was written. Try again.`;
	}
}

/** The notice after updating every hub. */
export function summaryMessage(outcomes: HubOutcome[]): string {
	if (outcomes.length === 0) return "No hubs in this vault. Build one with the command \"Build topic hub from tag\".";
	const n = (status: HubOutcome["status"]): number => outcomes.filter((o) => o.status === status).length;
	const parts = [`${n("updated")} updated`, `${n("unchanged")} up to date`];
	if (n("frozen") > 0) parts.push(`${n("frozen")} frozen`);
	if (n("conflict") > 0) parts.push(`${n("conflict")} changed meanwhile`);
	return `${outcomes.length} ${outcomes.length === 1 ? "hub" : "hubs"}: ${parts.join(", ")}.`;
}
