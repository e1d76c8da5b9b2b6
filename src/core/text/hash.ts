// cyrb53's seeds as 32-bit integers (`| 0`), the form every step takes them in: written as 0xdeadbeef, a number above
// 2^31, the running hashes started as doubles and each loop over a note ran about three times slower.
const SEED1 = 0xdeadbeef | 0;
const SEED2 = 0x41c6ce57 | 0;

/** A fast, stable 53-bit string hash (cyrb53) as 14 hex digits: content fingerprints, not security. */
export function hashText(text: string, seed = 0): string {
	const [h1, h2] = mix(text, SEED1 ^ seed, SEED2 ^ seed);
	return finish(h1, h2);
}

/** The two running hashes after `text`'s characters are mixed into them. */
function mix(text: string, h1: number, h2: number): [number, number] {
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	return [h1, h2];
}

/**
 * `hashText(head + tail + end)` and `hashText(tail + end)` in one pass over `tail`, without joining them: a note's
 * whole text and its body are fingerprinted together, and the body is most of the note. `end` (a note's final line
 * break, where its body lacks one) is hashed after the tail: a body joined to it would be copied out to be read.
 */
export function hashHeadAndTail(head: string, tail: string, end = ""): { whole: string; tail: string } {
	let [h1, h2] = mix(head, SEED1, SEED2);
	let t1 = SEED1;
	let t2 = SEED2;
	for (let i = 0; i < tail.length; i++) {
		const ch = tail.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
		t1 = Math.imul(t1 ^ ch, 2654435761);
		t2 = Math.imul(t2 ^ ch, 1597334677);
	}
	return finishBoth(h1, h2, t1, t2, end);
}

/**
 * `hashHeadAndTail` for a tail held as UTF-8 bytes, as TextEncoder writes a string (well-formed: every lone surrogate
 * already replaced), hashing the UTF-16 units those bytes decode to. The command-line tool's writer thread gets a
 * note's body as bytes and writes them as they are: it need not decode a body only to hash it.
 */
export function hashHeadAndUtf8Tail(head: string, tail: Uint8Array, end = ""): { whole: string; tail: string } {
	let [h1, h2] = mix(head, SEED1, SEED2);
	let t1 = SEED1;
	let t2 = SEED2;
	const length = tail.length;
	// The low half of a surrogate pair, when the last sequence read was a code point above U+FFFF; else -1.
	let low = -1;
	for (let i = 0; i < length || low >= 0; ) {
		let unit: number;
		if (low >= 0) {
			unit = low;
			low = -1;
		} else {
			unit = tail[i]!;
			if (unit < 0x80) {
				i += 1;
			} else if (unit < 0xe0) {
				unit = ((unit & 0x1f) << 6) | (tail[i + 1]! & 0x3f);
				i += 2;
			} else if (unit < 0xf0) {
				unit = ((unit & 0x0f) << 12) | ((tail[i + 1]! & 0x3f) << 6) | (tail[i + 2]! & 0x3f);
				i += 3;
			} else {
				// Four bytes: a code point above U+FFFF, which a string holds as a pair, the high half first.
				const point = (((unit & 0x07) << 18) | ((tail[i + 1]! & 0x3f) << 12) | ((tail[i + 2]! & 0x3f) << 6) | (tail[i + 3]! & 0x3f)) - 0x10000;
				unit = 0xd800 + (point >> 10);
				low = 0xdc00 + (point & 0x3ff);
				i += 4;
			}
		}
		h1 = Math.imul(h1 ^ unit, 2654435761);
		h2 = Math.imul(h2 ^ unit, 1597334677);
		t1 = Math.imul(t1 ^ unit, 2654435761);
		t2 = Math.imul(t2 ^ unit, 1597334677);
	}
	return finishBoth(h1, h2, t1, t2, end);
}

/** The whole's and the tail's hashes once `end` is mixed into both. */
function finishBoth(h1: number, h2: number, t1: number, t2: number, end: string): { whole: string; tail: string } {
	const [w1, w2] = mix(end, h1, h2);
	const [e1, e2] = mix(end, t1, t2);
	return { whole: finish(w1, w2), tail: finish(e1, e2) };
}

/** Two hex digits for each byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function finish(a: number, b: number): string {
	const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
	const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	// The 53-bit value 2^32 × (21 bits of h2) + (h1 as unsigned), as 14 hex digits: seven bytes looked up, where
	// formatting the number in base 16 was a slow path (a double, not a small integer) on every note's three hashes.
	const high = 2097151 & h2;
	return HEX[(high >>> 16) & 255]! + HEX[(high >>> 8) & 255]! + HEX[high & 255]! + HEX[h1 >>> 24]! + HEX[(h1 >>> 16) & 255]! + HEX[(h1 >>> 8) & 255]! + HEX[h1 & 255]!;
}
