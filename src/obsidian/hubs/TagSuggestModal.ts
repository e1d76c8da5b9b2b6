/** Step one of "Build topic hub from tag": a fuzzy picker over the vault's tags, nested parents included, with note counts. */
import { FuzzySuggestModal, type App, type FuzzyMatch } from "obsidian";
import type { TagCount } from "../../core";

/** Picks one tag. */
export class TagSuggestModal extends FuzzySuggestModal<TagCount> {
	constructor(
		app: App,
		private readonly tags: TagCount[],
		private readonly chosen: (tag: TagCount) => void,
	) {
		super(app);
		this.setPlaceholder("Tag to build a hub from…");
		this.setInstructions([
			{ command: "↑↓", purpose: "to navigate" },
			{ command: "↵", purpose: "to choose" },
			{ command: "esc", purpose: "to dismiss" },
		]);
	}

	getItems(): TagCount[] {
		return this.tags;
	}

	getItemText(item: TagCount): string {
		return `#${item.tag}`;
	}

	override renderSuggestion(match: FuzzyMatch<TagCount>, el: HTMLElement): void {
		el.addClass("research-atlas-tag-suggestion");
		el.createSpan({ cls: "research-atlas-tag-suggestion-name", text: `#${match.item.tag}` });
		el.createSpan({ cls: "research-atlas-tag-suggestion-count", text: match.item.notes === 1 ? "1 note" : `${match.item.notes.toLocaleString()} notes` });
	}

	onChooseItem(item: TagCount): void {
		this.chosen(item);
	}
}
