/** "Open episode…": a fuzzy list of every known episode code with its title and citation count. */
import { FuzzySuggestModal, type App, type FuzzyMatch } from "obsidian";
import type { AtlasSettings } from "../settings/settings";
import { countLabel } from "./codeLinkProcessor";
import { episodeFile, openEpisode } from "./episodeLinks";
import type { EpisodeIndexer } from "./EpisodeIndexer";

/** One row of the list. */
export interface EpisodeChoice {
	code: string;
	title: string;
	count: number;
	exists: boolean;
}

/** The episode picker. */
export class OpenEpisodeModal extends FuzzySuggestModal<EpisodeChoice> {
	constructor(
		app: App,
		private readonly indexer: EpisodeIndexer,
		private readonly settings: AtlasSettings,
		private readonly sourcePath: string,
	) {
		super(app);
		this.setPlaceholder("Episode code or title");
		this.setInstructions([
			{ command: "↵", purpose: "to open" },
			{ command: "mod ↵", purpose: "to open in a new tab" },
		]);
	}

	getItems(): EpisodeChoice[] {
		return this.indexer.index.codes().map((code) => {
			const file = episodeFile(this.indexer, code);
			const title: unknown = file === null ? undefined : this.app.metadataCache.getFileCache(file)?.frontmatter?.title;
			return { code, title: typeof title === "string" ? title : "", count: this.indexer.index.count(code, this.settings.citationCount), exists: file !== null };
		});
	}

	getItemText(item: EpisodeChoice): string {
		return item.title === "" ? item.code : `${item.code} ${item.title}`;
	}

	override renderSuggestion(match: FuzzyMatch<EpisodeChoice>, el: HTMLElement): void {
		const item = match.item;
		el.addClass("research-atlas-episode-suggestion");
		const main = el.createDiv({ cls: "research-atlas-episode-suggestion-main" });
		main.createSpan({ cls: "research-atlas-episode-suggestion-code", text: item.code });
		if (item.title !== "") main.createSpan({ cls: "research-atlas-episode-suggestion-title", text: item.title });
		el.createDiv({ cls: "research-atlas-episode-suggestion-note", text: item.exists ? countLabel(item.count, this.settings.citationCount) : `${countLabel(item.count, this.settings.citationCount)} · no note yet` });
	}

	onChooseItem(item: EpisodeChoice, event: MouseEvent | KeyboardEvent): void {
		openEpisode(this.indexer, item.code, this.sourcePath, event);
	}
}
