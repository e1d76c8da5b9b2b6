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
/** Extra class of a code whose episode note does not exist yet. */
export const MISSING_CLASS = "research-atlas-code-missing";

/** Elements whose text never becomes a link: code, math, links, embeds, and what the plugin already made. */
const SKIP_TAGS = new Set(["CODE", "PRE", "A", "svg"]);
const SKIP_CLASSES = ["math", "frontmatter", "internal-embed", CODE_CLASS, COUNT_CLASS];

/** The reading-view post-processor. */
export function codeLinkProcessor(indexer: EpisodeIndexer, settings: () => AtlasSettings): MarkdownPostProcessor {
	// The reading view calls this once per section: what a code looks like is worked out once for all of a note's
	// sections, and again only when the index or the settings moved.
	let looks: CodeLooks = { revision: -1, settings: null, byCode: new Map() };
	return (el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
		const current = settings();
		if (looks.revision !== indexer.revision || looks.settings !== current) looks = { revision: indexer.revision, settings: current, byCode: new Map() };
		const marked = decorateCodes(el, indexer, ctx.sourcePath, current, looks.byCode);
		if (marked.length > 0) ctx.addChild(new CodeLinksChild(el, indexer, ctx.sourcePath, settings, marked));
	};
}

/** Code looks kept for one index revision and one settings object. */
interface CodeLooks {
	revision: number;
	settings: AtlasSettings | null;
	byCode: Map<string, CodeLook>;
}

/**
 * Decorates codes inside `el`; returns the elements it marked (code links it made, and links to episode notes it
 * counted). One walk over the section (skipping code, math, links and embeds whole, never matching selectors per
 * text node), one fragment per text node that holds codes, and one lookup per distinct code (`looks` may carry them
 * over from other sections): a long note stays cheap to render.
 */
export function decorateCodes(el: HTMLElement, indexer: EpisodeIndexer, sourcePath: string, settings: AtlasSettings, looks = new Map<string, CodeLook>()): HTMLElement[] {
	const marked: HTMLElement[] = [];
	for (let up = el.parentElement; up !== null; up = up.parentElement) if (skipped(up)) return marked;
	const syntax = indexer.index.syntax;
	const selfCode = indexer.index.episodeCodeOfNote(sourcePath);
	const texts: Text[] = [];
	const links: HTMLElement[] = [];
	collect(el, syntax.quick, texts, links);
	const look = (code: string): CodeLook => {
		let found = looks.get(code);
		if (found === undefined) looks.set(code, (found = codeLook(code, indexer, settings)));
		return found;
	};
	for (const text of texts) {
		const value = text.nodeValue ?? "";
		const mentions = mentionsInLine(value, { syntax, ...(selfCode === undefined ? {} : { selfCode }) }).filter((m) => m.form === "plain");
		if (mentions.length === 0) continue;
		const fragment = createFragment();
		let at = 0;
		for (const mention of mentions) {
			if (mention.from > at) fragment.append(value.slice(at, mention.from));
			// Every occurrence of a code looks the same: copy the code's link (and count) instead of building it again.
			const piece = linkTemplate(look(mention.code), mention.code).cloneNode(true) as DocumentFragment;
			marked.push(piece.firstElementChild as HTMLElement);
			fragment.append(piece);
			at = mention.to;
		}
		if (at < value.length) fragment.append(value.slice(at));
		text.parentNode?.replaceChild(fragment, text);
	}
	for (const link of links) {
		const href = link.getAttribute("data-href");
		if (href === null) continue;
		const code = codeOfTarget(href.split("#")[0] ?? "", syntax);
		if (code === null || code === selfCode) continue;
		link.setAttribute("data-code", code);
		const info = look(code);
		if (info.count !== null && link.nextElementSibling?.classList.contains(COUNT_CLASS) !== true) link.after(countBadge(createFragment(), info.count, info.label));
		marked.push(link);
	}
	return marked;
}

/** Text nodes that may hold a code, and internal links, below `node`; skipped subtrees are never entered. */
function collect(node: Node, find: RegExp, texts: Text[], links: HTMLElement[]): void {
	for (let child = node.firstChild; child !== null; child = child.nextSibling) {
		if (child.nodeType === 3) {
			find.lastIndex = 0;
			if (find.test(child.nodeValue ?? "")) texts.push(child as Text);
			continue;
		}
		if (child.nodeType !== 1) continue;
		const element = child as HTMLElement;
		if (element.tagName === "A") {
			if (element.classList.contains("internal-link") && !element.classList.contains(CODE_CLASS)) links.push(element);
			continue;
		}
		if (!skipped(element)) collect(element, find, texts, links);
	}
}

function skipped(element: Element): boolean {
	return SKIP_TAGS.has(element.tagName) || SKIP_CLASSES.some((c) => element.classList.contains(c));
}

/** What a code looks like where it is shown: whether its note is missing, and the count after it (null: none). */
export interface CodeLook {
	missing: boolean;
	count: number | null;
	label: string;
	/** The code's link and count, made once and copied for each occurrence. */
	template?: DocumentFragment;
}

/** The link (and count) a plain code becomes, made on first use. */
function linkTemplate(info: CodeLook, code: string): DocumentFragment {
	if (info.template !== undefined) return info.template;
	const template = createFragment();
	template.createEl("a", {
		cls: info.missing ? ["internal-link", CODE_CLASS, "is-unresolved", MISSING_CLASS] : ["internal-link", CODE_CLASS],
		text: code,
		href: code,
		attr: { "data-href": code, "data-code": code, ...(info.missing ? { "aria-label": missingLabel(code) } : {}) },
	});
	if (info.count !== null) countBadge(template, info.count, info.label);
	return (info.template = template);
}

function codeLook(code: string, indexer: EpisodeIndexer, settings: AtlasSettings): CodeLook {
	const count = indexer.index.count(code, settings.citationCount);
	const shown = count > 0 && count >= settings.citationCountMinimum;
	return { missing: episodeFile(indexer, code) === null, count: shown ? count : null, label: shown ? countLabel(count, settings.citationCount) : "" };
}

/** Adds the count after a code to `parent`. */
function countBadge(parent: DocumentFragment, count: number, label: string): DocumentFragment {
	parent.createSpan({ cls: COUNT_CLASS, text: String(count), attr: { "aria-label": label } });
	return parent;
}

/** The tooltip of a code whose episode note does not exist. */
export function missingLabel(code: string): string {
	return `No note for ${code} yet: click to create it`;
}

/** Refreshes a plain-code link: resolved or not, its tooltip and its count. */
export function updateCodeLink(link: HTMLElement, indexer: EpisodeIndexer, settings: AtlasSettings): void {
	const code = link.getAttribute("data-code") ?? "";
	const missing = episodeFile(indexer, code) === null;
	link.toggleClass("is-unresolved", missing);
	link.toggleClass(MISSING_CLASS, missing);
	link.setAttr("aria-label", missing ? missingLabel(code) : null);
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
	/** The section's code links by code, found once: a change then touches only the links of the codes it moved. */
	private byCode: Map<string, HTMLElement[]> | null = null;

	constructor(
		containerEl: HTMLElement,
		private readonly indexer: EpisodeIndexer,
		private readonly sourcePath: string,
		private readonly settings: () => AtlasSettings,
		/** The links decorateCodes marked in the section, when known (else they are found again). */
		private readonly marked?: HTMLElement[],
	) {
		super(containerEl);
	}

	override onload(): void {
		this.drawn = this.indexer.revision;
		this.byCode = this.marked === undefined ? linksByCode(this.containerEl) : byCodeOf(this.marked);
		this.registerDomEvent(this.containerEl, "click", (event) => this.clicked(event));
		this.registerDomEvent(this.containerEl, "auxclick", (event) => {
			if (event.button === 1) this.clicked(event);
		});
		this.registerDomEvent(this.containerEl, "mouseover", (event) => {
			const link = codeLinkOf(event.target);
			if (link !== null) hoverEpisode(this.indexer, link.getAttribute("data-code") ?? "", this.sourcePath, event, link, this, "preview");
		});
		this.register(this.indexer.subscribe((event) => this.refresh("reset" in event ? null : event.codes)));
	}

	/**
	 * Redraws counts and missing states when the index moved since the last draw: the links of the `changed` codes,
	 * or all of them (`null`: the index was reloaded or settings moved). A long note open in reading view thus costs
	 * next to nothing per edit elsewhere, and a section scrolled out of the DOM is still current when it comes back.
	 */
	refresh(changed: string[] | null = null): void {
		if (this.drawn === this.indexer.revision) return;
		this.drawn = this.indexer.revision;
		const byCode = (this.byCode ??= linksByCode(this.containerEl));
		const settings = this.settings();
		for (const code of changed ?? [...byCode.keys()]) {
			for (const link of byCode.get(code) ?? []) {
				if (link.hasClass(CODE_CLASS)) updateCodeLink(link, this.indexer, settings);
				else updateCount(link, code, this.indexer, settings);
			}
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

function linksByCode(el: HTMLElement): Map<string, HTMLElement[]> {
	return byCodeOf(Array.from(el.querySelectorAll<HTMLElement>("[data-code]")));
}

function byCodeOf(links: HTMLElement[]): Map<string, HTMLElement[]> {
	const out = new Map<string, HTMLElement[]>();
	for (const link of links) {
		const code = link.getAttribute("data-code") ?? "";
		const list = out.get(code);
		if (list === undefined) out.set(code, [link]);
		else list.push(link);
	}
	return out;
}

function codeLinkOf(target: EventTarget | null): HTMLElement | null {
	return target instanceof Element ? target.closest<HTMLElement>(`a.${CODE_CLASS}`) : null;
}
