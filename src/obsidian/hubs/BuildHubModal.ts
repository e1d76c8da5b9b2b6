/** Step two of "Build topic hub from tag": the hub's title and how its sections are formed. */
import { Modal, Setting, type App } from "obsidian";
import { parseSectionMode, type SectionMode } from "../../core";

/** What the user chose. */
export interface BuildHubChoice {
	title: string;
	sections: SectionMode;
}

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

	constructor(
		app: App,
		private readonly tag: string,
		defaultTitle: string,
		private readonly submit: (choice: BuildHubChoice) => void,
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
				.addText((text) => text.setPlaceholder("Property name").setValue(this.key).onChange((value) => (this.key = value.trim())));
		}
		new Setting(el).addButton((button) => button.setButtonText("Build hub").setCta().onClick(() => this.done()));
	}

	/** Builds with the current choice; nothing happens while the title or the property is empty. */
	done(): void {
		const title = this.title.trim();
		if (title === "") return;
		const mode = this.kind === "frontmatter" ? parseSectionMode(`frontmatter:${this.key}`) : parseSectionMode(this.kind);
		if (mode === null) return;
		this.close();
		this.submit({ title, sections: mode });
	}

}
