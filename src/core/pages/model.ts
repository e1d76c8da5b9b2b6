/** Page models: what each kind of scraped page says, before any vault decisions are made. */

/** Where a page came from: the input file name. */
export interface PageSource {
	file: string;
}

/** A question card: a question-note title and its one-line description. */
export interface Card {
	title: string;
	description: string;
	line: number;
}

/** A titled group of cards: a cluster's sub-topic or a hub's section. */
export interface CardGroup {
	name: string;
	/** The `N notes` the page declares for the group (it may list fewer cards). */
	declaredNotes: number | null;
	cards: Card[];
	line: number;
}

/** A paragraph of review text, kept exactly as scraped. */
export interface Paragraph {
	text: string;
	line: number;
}

/** A headed section of a literature review. */
export interface ReviewSection {
	heading: string;
	paragraphs: Paragraph[];
	line: number;
}

/** An entry of "Episodes anchoring this topic": `- 026-slug` and its summary line. */
export interface AnchorEpisode {
	code: string;
	slug: string;
	summary: string;
	line: number;
}

/** A literature review (or topic) page. */
export interface ReviewPage {
	kind: "review";
	source: PageSource;
	title: string;
	/** True when the page has no title line and the title was derived. */
	titleDerived: boolean;
	declaredEpisodes: number | null;
	sections: ReviewSection[];
	anchors: AnchorEpisode[];
}

/** A cluster page: sub-topics of question cards. */
export interface ClusterPage {
	kind: "cluster";
	source: PageSource;
	title: string;
	description: string;
	declaredNotes: number | null;
	declaredPapers: number | null;
	declaredGroups: number | null;
	groups: CardGroup[];
}

/** A topic-hub page: sections of question cards. */
export interface HubPage {
	kind: "hub";
	source: PageSource;
	title: string;
	description: string;
	declaredNotes: number | null;
	declaredGroups: number | null;
	groups: CardGroup[];
}

/** Any page the importer understands. */
export type Page = ReviewPage | ClusterPage | HubPage;

/** The page kinds, for counting and reports. */
export type PageKind = Page["kind"];
