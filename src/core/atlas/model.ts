/** The atlas: every entity the pages describe, merged across pages, before any file decisions. */
import type { Diagnostic } from "../diagnostics";
import type { Gap } from "../pages/gaps";
import type { PageKind } from "../pages/model";
import type { GapSuggestion } from "../pages/suggest";

/** A gap with its suggestion, if another page had the missing words. */
export interface FoundGap extends Gap {
	suggestion: GapSuggestion | null;
}

/** A piece of scraped prose with its citations and gaps located. */
export interface Prose {
	text: string;
	gaps: FoundGap[];
}

/** A question note: one per distinct title, with every description and every membership. */
export interface Question {
	id: string;
	title: string;
	descriptions: { text: Prose; files: string[] }[];
	memberships: { collectionId: string; groupId: string }[];
	files: string[];
}

/** A sub-topic of a cluster or a section of a hub. */
export interface Group {
	id: string;
	kind: "subtopic" | "section";
	collectionId: string;
	name: string;
	/** Position within its cluster or hub, from 1. */
	order: number;
	declaredNotes: number | null;
	questionIds: string[];
	files: string[];
}

/** A cluster or a topic hub. */
export interface Collection {
	id: string;
	kind: "cluster" | "hub";
	title: string;
	description: Prose;
	declaredNotes: number | null;
	declaredPapers: number | null;
	declaredGroups: number | null;
	groupIds: string[];
	files: string[];
}

/** A paragraph of a review, with the block id that citations link back to. */
export interface ReviewParagraph {
	prose: Prose;
	blockId: string;
	codes: string[];
}

/** A literature review. */
export interface Review {
	id: string;
	title: string;
	titleDerived: boolean;
	declaredEpisodes: number | null;
	sections: { heading: string; paragraphs: ReviewParagraph[] }[];
	anchors: { code: string; summary: string }[];
	file: string;
}

/** One passage citing an episode. */
export interface Citation {
	code: string;
	/** The note holding the passage (a review id) and the passage's block id. */
	noteId: string;
	blockId: string;
	heading: string;
	sentence: string;
	/** Offsets in `sentence` where the scraped page lost words (the passage's gaps), in order. */
	gaps: number[];
}

/** An episode, from its anchoring entries (slug, summaries) and from the passages citing it. */
export interface Episode {
	id: string;
	code: string;
	slug: string | null;
	title: string | null;
	summaries: { text: string; reviewId: string }[];
	citations: Citation[];
}

/** What was read from one input. */
export interface PageRecord {
	file: string;
	kind: PageKind | null;
	title: string | null;
}

/** Everything the inputs say, merged. */
export interface Atlas {
	collections: Collection[];
	groups: Map<string, Group>;
	questions: Map<string, Question>;
	reviews: Review[];
	episodes: Map<string, Episode>;
	pages: PageRecord[];
	diagnostics: Diagnostic[];
}
