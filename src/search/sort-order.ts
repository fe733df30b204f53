import { PAGEFIND_SIGNATURE, pageOfId } from './bundles.ts';
import type { EngineOptions, EngineResponse, EngineResult } from './query.ts';

/**
 * A sorted search of one bundle, done outside Pagefind. The build takes each sort order out of
 * a bundle's page list, which every search of the bundle loads, into a file of its own that
 * only a sorted search fetches (build/page-list.ts). Pagefind is then asked without the sort,
 * and its answer put in order here as Pagefind would have sorted it (`search` in
 * pagefind_web/src/lib.rs): pages the order does not list (a page without a date, by date) are
 * left out, the rest follow the order, `desc` from its end. The filter counts and the count of
 * pages found are Pagefind's, which it takes before sorting. The hits keep their relevance
 * scores: sorted hits are merged by their sort values, never by score (merge.ts).
 */

/** The sort key and direction of a search's options, if it is sorted. */
export function sortOf(options: EngineOptions): { key: string; direction: 'asc' | 'desc'; unsorted: EngineOptions } | undefined {
  const [sort, ...more] = Object.entries(options.sort ?? {});
  if (!sort) return undefined;
  if (more.length) throw new Error(`a search is sorted by one key, not ${Object.keys(options.sort!).join(' and ')}`);
  return { key: sort[0], direction: sort[1], unsorted: { filters: options.filters } };
}

/**
 * `response` (an unsorted answer of one bundle) in a sort key's `order`: the bundle's page
 * numbers, as the build wrote them. No order (a bundle where no page has the key) leaves the
 * answer as it is, as Pagefind does.
 */
export function inSortOrder<R extends EngineResult>(response: EngineResponse<R>, order: readonly number[] | undefined, direction: 'asc' | 'desc'): EngineResponse<R> {
  if (!order) return response;
  const rank = new Map<number, number>();
  order.forEach((page, position) => rank.set(page, position));
  const ranked = response.results.flatMap((result) => {
    const position = rank.get(pageOfId(result.id).page);
    return position === undefined ? [] : [{ result, position }];
  });
  ranked.sort((a, b) => (direction === 'desc' ? b.position - a.position : a.position - b.position));
  return { ...response, results: ranked.map(({ result }) => result) };
}

/** A Pagefind file's payload: gunzipped here unless the host already did (its signature shows). */
export async function pagefindPayload(body: ArrayBuffer, file: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(body);
  const signature = new TextEncoder().encode(PAGEFIND_SIGNATURE);
  const signed = (raw: Uint8Array) => signature.every((byte, index) => raw[index] === byte);
  const gunzipped = async () => new Uint8Array(await new Response(new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  const raw = signed(bytes) ? bytes : await gunzipped().catch(() => undefined);
  if (!raw || !signed(raw)) throw new Error(`${file}: not a Pagefind file`);
  return raw.subarray(signature.length);
}
