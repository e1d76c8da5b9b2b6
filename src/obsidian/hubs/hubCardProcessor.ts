/**
 * Reading view of a hub note: the generated part reads as a hub rather than as a plain list. The header line and the
 * "N notes" lines are muted, each card's description is set apart from its link, and every card gets an "Explore
 * related" button (as on the scraped pages) that opens the Related notes sidebar for that card's note. Only blocks
 * inside the markers of a note with a `hub_tag` are touched; built with DOM calls, never HTML.
 */
import { setIcon, type App, type MarkdownPostProcessor, type MarkdownPostProcessorContext } from "obsidian";
import { HUB_END, HUB_KEYS, HUB_START } from "../../core";

/** Classes the processor adds (styles.css styles them). */
export const HUB_CLASSES = {
	header: "research-atlas-hub-header",
	count: "research-atlas-hub-count",
	missing: "research-atlas-hub-missing",
	card: "research-atlas-hub-card",
	description: "research-atlas-hub-card-description",
	explore: "research-atlas-hub-explore",
} as const;

const HEADER = /^Topic Hub · /;
const COUNT = /^[\d,]+ (?:of [\d,]+ )?notes?(?: listed)?$/;
const SEPARATOR = " — ";
/** "*Declared on the page, but none listed.*", rendered in italics (or, by a plain renderer, with its asterisks). */
const MISSING = /^\*?Declared on the page, but none listed\.\*?$/;

/** True when the block lies between the hub markers (or, when Obsidian cannot say where it is, in any hub note). */
function inRegion(el: HTMLElement, ctx: MarkdownPostProcessorContext): boolean {
	const fm = ctx.frontmatter as Record<string, unknown> | null | undefined;
	if (typeof fm?.[HUB_KEYS.tag] !== "string") return false;
	const info = ctx.getSectionInfo(el);
	if (info === null) return true;
	const lines = info.text.split("\n");
	const start = lines.findIndex((line) => line.startsWith(HUB_START.slice(0, 28)));
	const end = lines.findIndex((line) => line.startsWith(HUB_END));
	// The header line follows the start marker without a blank line, so its block starts on the marker's line.
	return start !== -1 && end > start && info.lineStart >= start && info.lineEnd <= end;
}

/** Sets the description after the card's link apart, and adds the "Explore related" button. */
function decorateCard(li: HTMLLIElement, app: App, sourcePath: string, explore: (path: string) => void): void {
	const link = li.querySelector<HTMLElement>(":scope > a.internal-link");
	const linktext = link?.getAttribute("data-href");
	if (link === null || linktext === null || linktext === undefined || li.hasClass(HUB_CLASSES.card)) return;
	li.addClass(HUB_CLASSES.card);
	const rest = link.nextSibling;
	if (rest !== null && rest.nodeType === Node.TEXT_NODE && (rest.nodeValue ?? "").startsWith(SEPARATOR)) {
		const description = li.createSpan({ cls: HUB_CLASSES.description });
		rest.nodeValue = (rest.nodeValue ?? "").slice(SEPARATOR.length);
		// Everything after the link (text, and any inline formatting Obsidian rendered) belongs to the description.
		while (link.nextSibling !== null && link.nextSibling !== description) description.appendChild(link.nextSibling);
	}
	const file = app.metadataCache.getFirstLinkpathDest(linktext.split("#")[0] ?? linktext, sourcePath);
	if (file === null) return;
	const button = createEl("button", { cls: `clickable-icon ${HUB_CLASSES.explore}`, attr: { "aria-label": "Explore related notes", "data-path": file.path, type: "button" } });
	setIcon(button, "git-fork");
	// Beside the link, before the description on its own line.
	link.insertAdjacentElement("afterend", button);
	button.addEventListener("click", (event) => {
		event.preventDefault();
		event.stopPropagation();
		explore(file.path);
	});
}

/** The post-processor; `explore` opens the Related notes sidebar for a path. */
export function hubCardProcessor(app: App, explore: (path: string) => void): MarkdownPostProcessor {
	return (el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
		if (!inRegion(el, ctx)) return;
		for (const p of Array.from(el.querySelectorAll("p"))) {
			const text = (p.textContent ?? "").trim();
			if (HEADER.test(text)) p.addClass(HUB_CLASSES.header);
			else if (COUNT.test(text)) p.addClass(HUB_CLASSES.count);
			else if (MISSING.test(text)) p.addClass(HUB_CLASSES.missing);
		}
		for (const li of Array.from(el.querySelectorAll("li"))) decorateCard(li, app, ctx.sourcePath, explore);
	};
}
