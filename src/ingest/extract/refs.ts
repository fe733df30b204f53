/**
 * Party and state document references, written alike in every language: `18-NQ/TW`,
 * `35-CT/TW`, `09-KL/BCĐ` (number-type/issuer) and `98/2023/QH15`, `15/2023/NĐ-CP`
 * (number/year/issuer). Machine translation sometimes adds spaces (`18- NQ/TW`); they are removed.
 */
const PARTY_REF = /(?<![\p{L}\p{N}/-])(\d{1,4}) ?- ?([A-ZĐ]{1,6}) ?\/ ?([A-ZĐ]{1,8}\d{0,3})(?![\p{L}\p{N}])/gu;
const STATE_REF = /(?<![\p{L}\p{N}/-])(\d{1,4}) ?\/ ?((?:19|20)\d{2}) ?\/ ?([A-ZĐ]{1,8}\d{0,3}(?:-[A-ZĐ]{1,8}\d{0,3})?)(?![\p{L}\p{N}])/gu;

interface RefMatch {
  ref: string;
  index: number;
  length: number;
}

/** Every reference in the text with its position, in order of appearance. */
export function findRefs(text: string): RefMatch[] {
  const found: RefMatch[] = [];
  for (const m of text.matchAll(PARTY_REF)) found.push({ ref: `${m[1]}-${m[2]}/${m[3]}`, index: m.index, length: m[0].length });
  for (const m of text.matchAll(STATE_REF)) found.push({ ref: `${m[1]}/${m[2]}/${m[3]}`, index: m.index, length: m[0].length });
  return found.sort((a, b) => a.index - b.index);
}

/** Normalised references, unique, in order of first appearance across the given texts. */
export function extractRefs(texts: readonly string[]): string[] {
  const refs = new Set<string>();
  for (const text of texts) for (const { ref } of findRefs(text)) refs.add(ref);
  return [...refs];
}
