/** Step two of "Build topic hub from tag": the hub's title, how its sections are formed, and optionally its orders. */
import { Modal, Setting, type App } from "obsidian";
import { isHubSort, parseSectionMode, type HubSort, type SectionMode } from "../../core";

/** What the user chose; `sort` and `sectionOrder` only when they differ from following the settings. */
export interface BuildHubChoice {
	title: string;
	sections: SectionMode;
	description?: string;
	sort?: HubSort;
	sectionOrder?: "title" | "size";
}

const SORTS: Record<HubSort, string> = {
	title: "Title",
	modified: "Last modified, newest first",
	citations: "Episode citations, most first",
};

const SECTION_KINDS: Record<SectionMode["kind"], string> = {
	nested: "By the next level of the nested tag",
	frontmatter: "By a frontmatter property",
	subtopic: "By cluster sub-topic",
	auto: "Automatically, by similarity",
};

/** Asks for title and sections, then calls `submit`. */
export class BuildHubModal extends Modal {
	private title: string;
	private kind: SectionMode["kind"] = "nested";
	private key = "";
	private description = "";
	private sort: HubSort | "" = "";
	private sectionOrder: "default" | "title" | "size" = "default";

	constructor(
		app: App,
		private readonly tag: string,
		defaultTitle: string,
		private readonly submit: (choice: BuildHubChoice) => void,
		/** The card order in the settings, named in the "follow the settings" option. */
		private readonly settingSort: HubSort = "title",
	) {
		super(app);
		this.title = defaultTitle;
	}

	override onOpen(): void {
		this.setTitle(`Build topic hub from #${this.tag}`);
		this.contentEl.addClass("research-atlas-build-hub");
		this.scope.register([], "Enter", () => {
			this.done();
			return false;
		});
		this.draw();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private draw(): void {
		const el = this.contentEl;
		el.empty();
		new Setting(el).setName("Title").setDesc("The hub note's name.").addText((text) => {
			text.setValue(this.title).onChange((value) => (this.title = value));
			text.inputEl.addClass("research-atlas-build-hub-title");
			window.setTimeout(() => text.inputEl.focus(), 0);
		});
		new Setting(el).setName("Sections").addDropdown((dropdown) => {
			for (const [kind, label] of Object.entries(SECTION_KINDS)) dropdown.addOption(kind, label);
			dropdown.setValue(this.kind).onChange((value) => {
				this.kind = parseSectionMode(value === "frontmatter" ? "frontmatter:x" : value)?.kind ?? "nested";
				this.draw();
			});
		});
		if (this.kind === "frontmatter") {
			new Setting(el)
				.setName("Property")
				.setDesc("Notes are grouped by this property's value.")
				.addText((text) => {
					text.setPlaceholder("Property name").setValue(this.key).onChange((value) => (this.key = value.trim()));
					text.inputEl.addClass("research-atlas-build-hub-key");
				});
		}
		new Setting(el)
			.setName("Description")
			.setDesc("Optional. Shown above the generated part.")
			.addText((text) => {
				text.setPlaceholder("What this hub gathers").setValue(this.description).onChange((value) => (this.description = value));
				text.inputEl.addClass("research-atlas-build-hub-description");
			});
		new Setting(el)
			.setName("Card order")
			.setDesc("Inside each section. Stored in the hub's hub_sort property; change it there later.")
			.addDropdown((dropdown) => {
				dropdown.addOption("", `As in settings (${SORTS[this.settingSort].toLowerCase()})`);
				for (const [sort, label] of Object.entries(SORTS)) dropdown.addOption(sort, label);
				dropdown.setValue(this.sort).onChange((value) => (this.sort = isHubSort(value) ? value : ""));
			});
		new Setting(el)
			.setName("Section order")
			.setDesc("Stored in hub_section_order, which also takes a list of section names to put first.")
			.addDropdown((dropdown) =>
				dropdown
					.addOption("default", "As the section notes order them, then by name")
					.addOption("title", "By name")
					.addOption("size", "Largest first")
					.setValue(this.sectionOrder)
					.onChange((value) => (this.sectionOrder = value === "title" || value === "size" ? value : "default")),
			);
		new Setting(el).addButton((button) => button.setButtonText("Build hub").setCta().onClick(() => this.done()));
	}

	/** Builds with the current choice; nothing happens while the title or the property is empty. */
	done(): void {
		const title = this.title.trim();
		if (title === "") return;
		const mode = this.kind === "frontmatter" ? parseSectionMode(`frontmatter:${this.key}`) : parseSectionMode(this.kind);
		if (mode === null) return;
		this.close();
		const description = this.description.trim();
		this.submit({
			title,
			sections: mode,
			...(description === "" ? {} : { description }),
			...(this.sort === "" ? {} : { sort: this.sort }),
			...(this.sectionOrder === "default" ? {} : { sectionOrder: this.sectionOrder }),
		});
	}
}
