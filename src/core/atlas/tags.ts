/** Nested tags that encode membership, so a hub can be rebuilt from tags alone. */
import { tagSegment } from "../text/slug";

/** The tag root for notes of each kind (`atlas/question`, …). */
export function typeTag(type: string): string {
	return `atlas/${type}`;
}

/** `cluster/<cluster>` or `hub/<hub>`: the tag every member of a cluster or hub carries under it. */
export function collectionTag(kind: "cluster" | "hub", title: string): string {
	return `${kind}/${tagSegment(title)}`;
}

/** `cluster/<cluster>/<sub-topic>` or `hub/<hub>/<section>`. */
export function groupTag(kind: "cluster" | "hub", collectionTitle: string, groupName: string): string {
	return `${collectionTag(kind, collectionTitle)}/${tagSegment(groupName)}`;
}
