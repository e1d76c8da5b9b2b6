/**
 * Reading view: turns each plain episode code into an internal link to its episode note, and puts a small
 * citation count after it and after existing links to episode notes. Built with DOM calls only, never HTML.
 */
import { MarkdownRenderChild, type HoverParent, type HoverPopover, type MarkdownPostProcessor, type MarkdownPostProcessorContext } from "obsidian";
import { codeOfTarget, mentionsInLine } from "../../core";
import type { AtlasSettings } from "../settings/settings";
import { episodeFile, hoverEpisode, openEpisode } from "./episodeLinks";
import type { EpisodeIndexer } from "./EpisodeIndexer";

/** Class of a code link made by the plugin. */
export const CODE_CLASS = "research-atlas-code";
/** Class of the count after a code. */
export const COUNT_CLASS = "research-atlas-code-count";

/** Text under these never becomes a link: code, math, links, and what the plugin already made. */
const SKIP = "code, pre, a, .math, .frontmatter, .internal-embed, ." + CODE_CLASS + ", ." + COUNT_CLASS;

/** The reading-view post-processor. */
export function codeLinkProcessor(indexer: EpisodeIndexer, settings: () => AtlasSettings): MarkdownPostProcessor {
	return (el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
		if (decorateCodes(el, indexer, ctx.sourcePath, settings()) > 0) ctx.addChild(new CodeLinksChild(el, indexer, ctx.sourcePath, settings));
	};
}

/** Decorates codes inside `el`; returns how many codes (plain or linked) it marked. */
export function decorateCodes(el: HTMLElement, indexer: EpisodeIndexer, sourcePath: string, settings: AtlasSettings): number {
	const syntax = indexer.index.syntax;
	const selfCode = indexer.index.episodeCodeOfNote(sourcePath);
	const doc = el.ownerDocument;
	const texts: Text[] = [];
	const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
	for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
		const parent = node.parentElement;
		// The cheap test first: most text has no code, and selector matching is the slow part.
		if (parent !== null && syntax.find.test(reset(syntax.find, node.nodeValue ?? "")) && parent.closest(SKIP) === null) texts.push(node as Text);
	}
	let marked = 0;
	for (const text of texts) {
		const value = text.nodeValue ?? "";
		const mentions = mentionsInLine(value, { syntax, ...(selfCode === undefined ? {} : { selfCode }) }).filter((m) => m.form === "plain");
		if (mentions.length === 0) continue;
		const parts: Array<string | Node> = [];
		let at = 0;
		for (const mention of mentions) {
			parts.push(value.slice(at, mention.from));
			const link = createEl("a", { cls: ["internal-link", CODE_CLASS], text: mention.code, href: mention.code, attr: { "data-href": mention.code, "data-code": mention.code, target: "_blank", rel: "noopener" } });
			parts.push(link);
			at = mention.to;
			marked++;
		}
		parts.push(value.slice(at));
		text.replaceWith(...parts.filter((part) => part !== ""));
		for (const part of parts) if (part instanceof HTMLElement) updateCodeLink(part, indexer, settings);
	}
	for (const link of Array.from(el.getElementsByTagName("a"))) {
		const href = link.getAttribute("data-href");
		if (href === null || !link.hasClass("internal-link") || link.hasClass(CODE_CLASS)) continue;
		const code = codeOfTarget(href.split("#")[0] ?? "", syntax);
		if (code === null || code === selfCode || link.closest(".internal-embed") !== null) continue;
		link.setAttr("data-code", code);
		updateCount(link, code, indexer, settings);
		marked++;
	}
	return marked;
}

/** Refreshes a plain-code link: resolved or not, its tooltip and its count. */
export function updateCodeLink(link: HTMLElement, indexer: EpisodeIndexer, settings: AtlasSettings): void {
	const code = link.getAttribute("data-code") ?? "";
	const missing = episodeFile(indexer, code) === null;
	link.toggleClass("is-unresolved", missing);
	link.toggleClass("research-atlas-code-missing", missing);
	link.setAttr("aria-label", missing ? `No note for ${code} yet: click to create it` : null);
	updateCount(link, code, indexer, settings);
}

/** Puts (or updates, or removes) the count after a code or a link to an episode note. */
export function updateCount(link: HTMLElement, code: string, indexer: EpisodeIndexer, settings: AtlasSettings): void {
	const count = indexer.index.count(code, settings.citationCount);
	const next = link.nextElementSibling;
	const existing = next !== null && next.hasClass(COUNT_CLASS) && next.previousSibling === link ? (next as HTMLElement) : null;
	if (count === 0 || count < settings.citationCountMinimum) {
		existing?.detach();
		return;
	}
	const badge = existing ?? createSpan({ cls: COUNT_CLASS });
	if (existing === null) link.after(badge);
	badge.setText(String(count));
	badge.setAttr("aria-label", countLabel(count, settings.citationCount));
}

/** "Cited in 3 notes" or "Cited 5 times". */
export function countLabel(count: number, mode: AtlasSettings["citationCount"]): string {
	return mode === "notes" ? `Cited in ${count} ${count === 1 ? "note" : "notes"}` : `Cited ${count} ${count === 1 ? "time" : "times"}`;
}

/**
 * Lives as long as the rendered section: handles clicks and hovers on its code links (one delegated listener)
 * and refreshes their counts when the index moved, only while the section is on screen.
 */
export class CodeLinksChild extends MarkdownRenderChild implements HoverParent {
	hoverPopover: HoverPopover | null = null;
	private drawn = -1;

	constructor(
		containerEl: HTMLElement,
		private readonly indexer: EpisodeIndexer,
		private readonly sourcePath: string,
		private readonly settings: () => AtlasSettings,
	) {
		super(containerEl);
	}

	override onload(): void {
		this.drawn = this.indexer.revision;
		this.registerDomEvent(this.containerEl, "click", (event) => this.clicked(event));
		this.registerDomEvent(this.containerEl, "auxclick", (event) => {
			if (event.button === 1) this.clicked(event);
		});
		this.registerDomEvent(this.containerEl, "mouseover", (event) => {
			const link = codeLinkOf(event.target);
			if (link !== null) hoverEpisode(this.indexer, link.getAttribute("data-code") ?? "", this.sourcePath, event, link, this, "preview");
		});
		this.register(this.indexer.subscribe(() => this.refresh()));
	}

	/** Redraws counts and missing states when the index moved since the last draw and the section is shown. */
	refresh(): void {
		if (this.drawn === this.indexer.revision || !this.containerEl.isConnected) return;
		this.drawn = this.indexer.revision;
		const settings = this.settings();
		for (const link of Array.from(this.containerEl.querySelectorAll<HTMLElement>("[data-code]"))) {
			if (link.hasClass(CODE_CLASS)) updateCodeLink(link, this.indexer, settings);
			else updateCount(link, link.getAttribute("data-code") ?? "", this.indexer, settings);
		}
	}

	private clicked(event: MouseEvent): void {
		const link = codeLinkOf(event.target);
		if (link === null) return;
		// Handled here, not by the reading view's own link handler, so a missing note can be offered for creation.
		event.preventDefault();
		event.stopPropagation();
		openEpisode(this.indexer, link.getAttribute("data-code") ?? "", this.sourcePath, event);
	}
}

function codeLinkOf(target: EventTarget | null): HTMLElement | null {
	return target instanceof Element ? target.closest<HTMLElement>(`a.${CODE_CLASS}`) : null;
}

function reset(pattern: RegExp, text: string): string {
	pattern.lastIndex = 0;
	return text;
}
