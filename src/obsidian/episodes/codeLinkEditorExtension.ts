/**
 * Live Preview: plain episode codes look and act like internal links (click opens, mod-click opens a new tab,
 * hover previews), with the citation count after them. Source mode and codes the selection touches are left
 * as plain text, so editing is never disturbed. Decorations come from the same core scan as the index.
 */
import { RangeSetBuilder, StateEffect, type Extension } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type PluginValue, type ViewUpdate } from "@codemirror/view";
import { editorInfoField, editorLivePreviewField, type HoverParent } from "obsidian";
import { findMentions, type CodeMention } from "../../core";
import type { AtlasSettings } from "../settings/settings";
import { CODE_CLASS, COUNT_CLASS, countLabel } from "./codeLinkProcessor";
import { episodeFile, hoverEpisode, openEpisode } from "./episodeLinks";
import type { EpisodeIndexer } from "./EpisodeIndexer";

/** Tells the editors that the index or the settings moved, so counts and link states are redrawn. */
export const refreshCodeLinks = StateEffect.define<null>();

/** The count after a code. */
class CountWidget extends WidgetType {
	constructor(
		readonly count: number,
		readonly label: string,
	) {
		super();
	}

	override eq(other: CountWidget): boolean {
		return other.count === this.count && other.label === this.label;
	}

	toDOM(): HTMLElement {
		return createSpan({ cls: COUNT_CLASS, text: String(this.count), attr: { "aria-label": this.label } });
	}
}

/** The editor extension for `registerEditorExtension`. */
export function codeLinkEditorExtension(indexer: EpisodeIndexer, settings: () => AtlasSettings, onCursorCode: (code: string | null, path: string) => void): Extension {
	const plugin = ViewPlugin.fromClass(
		class implements PluginValue {
			decorations: DecorationSet;
			private mentions: CodeMention[];
			/** The pattern and the note's own code the mentions were found with. */
			private scanned = "";
			private readonly stop: () => void;
			private pending = 0;

			constructor(readonly view: EditorView) {
				this.mentions = this.scan();
				this.decorations = this.build();
				// Index changes arrive outside any editor update; batch them into one redraw.
				this.stop = indexer.subscribe(() => {
					if (this.pending !== 0) return;
					this.pending = window.setTimeout(() => {
						this.pending = 0;
						this.view.dispatch({ effects: refreshCodeLinks.of(null) });
					}, 250);
				});
			}

			update(update: ViewUpdate): void {
				const refreshed = update.transactions.some((t) => t.effects.some((e) => e.is(refreshCodeLinks)));
				const modeChanged = update.startState.field(editorLivePreviewField, false) !== update.state.field(editorLivePreviewField, false);
				// A refresh (the index moved) changes counts, not where codes are: scan again only for a new pattern or note.
				if (update.docChanged || (refreshed && this.scanned !== this.scanKey())) this.mentions = this.scan();
				if (update.docChanged || refreshed || modeChanged || update.viewportChanged || update.selectionSet) this.decorations = this.build();
				if (update.selectionSet || update.docChanged) this.reportCursor();
			}

			destroy(): void {
				this.stop();
				if (this.pending !== 0) window.clearTimeout(this.pending);
			}

			private path(): string {
				return this.view.state.field(editorInfoField, false)?.file?.path ?? "";
			}

			private scanKey(): string {
				return `${indexer.index.syntax.pattern}\u0000${indexer.index.episodeCodeOfNote(this.path()) ?? ""}`;
			}

			private scan(): CodeMention[] {
				this.scanned = this.scanKey();
				const index = indexer.index;
				const selfCode = index.episodeCodeOfNote(this.path());
				return findMentions(this.view.state.doc.toString(), { syntax: index.syntax, ...(selfCode === undefined ? {} : { selfCode }) });
			}

			private build(): DecorationSet {
				const builder = new RangeSetBuilder<Decoration>();
				if (this.view.state.field(editorLivePreviewField, false) !== true) return builder.finish();
				const current = settings();
				const ranges = this.view.state.selection.ranges;
				const visible = this.view.visibleRanges;
				for (const mention of this.mentions) {
					if (!visible.some((r) => mention.to >= r.from && mention.from <= r.to)) continue;
					if (ranges.some((r) => r.from <= mention.to && r.to >= mention.from)) continue;
					if (mention.form === "plain") {
						const missing = episodeFile(indexer, mention.code) === null;
						builder.add(
							mention.from,
							mention.to,
							Decoration.mark({
								class: `cm-hmd-internal-link ${CODE_CLASS}${missing ? " is-unresolved research-atlas-code-missing" : ""}`,
								attributes: { "data-code": mention.code, ...(missing ? { "aria-label": `No note for ${mention.code} yet: click to create it` } : {}) },
							}),
						);
					}
					const count = indexer.index.count(mention.code, current.citationCount);
					if (count > 0 && count >= current.citationCountMinimum) {
						builder.add(mention.to, mention.to, Decoration.widget({ widget: new CountWidget(count, countLabel(count, current.citationCount)), side: 1 }));
					}
				}
				return builder.finish();
			}

			private reportCursor(): void {
				const head = this.view.state.selection.main.head;
				const hit = this.mentions.find((m) => head >= m.from && head <= m.to);
				onCursorCode(hit?.code ?? null, this.path());
			}
		},
		{ decorations: (value) => value.decorations },
	);

	const events = EditorView.domEventHandlers({
		mousedown(event, view) {
			const link = codeOf(event.target);
			if (link === null || (event.button !== 0 && event.button !== 1) || view.state.field(editorLivePreviewField, false) !== true) return false;
			event.preventDefault();
			const info = view.state.field(editorInfoField, false);
			openEpisode(indexer, link.getAttribute("data-code") ?? "", info?.file?.path ?? "", event);
			return true;
		},
		mouseover(event, view) {
			const link = codeOf(event.target);
			if (link === null) return false;
			const info = view.state.field(editorInfoField, false);
			const parent: HoverParent = info ?? { hoverPopover: null };
			hoverEpisode(indexer, link.getAttribute("data-code") ?? "", info?.file?.path ?? "", event, link, parent, "editor");
			return false;
		},
	});

	return [plugin, events];
}

function codeOf(target: EventTarget | null): HTMLElement | null {
	return target instanceof Element ? target.closest<HTMLElement>(`.${CODE_CLASS}`) : null;
}
