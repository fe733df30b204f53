import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A getStaticPaths() entry of a listing page, as paginatedPaths (src/lib/paginate.ts) makes it. */
export interface ListingPath<Params, Props> {
  params: Params;
  props: Props;
  cacheKey: string;
}

/** What a listing's pages were at the last build: its inputs' key, and each page's params and cache key. */
interface Recorded {
  inputs: string;
  pages: [params: unknown, cacheKey: string][];
}

/**
 * The pages of a route's listings (one per topic, say), reused from the last build when a
 * listing's inputs are unchanged. Cutting a listing into pages and hashing each page's key is
 * most of a listing route's getStaticPaths(), over the whole archive on every build; a listing
 * whose articles (their links, in order) and header are as at the last build has the same
 * pages under the same keys, so with the code unchanged (RENDER_CHANGED_ONLY,
 * src/build/render-skip.ts) they are taken from the record the last build wrote, and the pages
 * are cut only if Astro asks for one's props (a page whose file was deleted by hand, say).
 * The record (`<name>.json` in `dir`) is written again on every build with the listings it
 * saw, so it never outlives the code that wrote it by more than a build that does not reuse it.
 */
export class ListingPages {
  readonly #file: string;
  readonly #previous: Record<string, Recorded>;
  readonly #next: Record<string, Recorded> = {};

  constructor(dir: string, name: string, reuse: boolean) {
    this.#file = path.join(dir, `${name}.json`);
    this.#previous = reuse ? readRecord(this.#file) : {};
  }

  /**
   * The pages of listing `id`. `inputs` must change whenever anything the pages show or are
   * cut by changes (cacheKey over the listing's header and its article links); `pages`
   * makes them.
   */
  paths<Params, Props>(id: string, inputs: string, pages: () => ListingPath<Params, Props>[]): ListingPath<Params, Props>[] {
    const last = this.#previous[id];
    if (last?.inputs === inputs) {
      this.#next[id] = last;
      const file = this.#file;
      let made: ListingPath<Params, Props>[] | undefined;
      return last.pages.map(([params, cacheKey], i) => ({
        params: params as Params,
        cacheKey,
        get props(): Props {
          made ??= pages();
          const page = made[i];
          // The record and the pages made now disagree: the record cannot be trusted.
          if (page?.cacheKey !== cacheKey) throw new Error(`${file}: the recorded pages of ${id} are not what its inputs make; delete the file and build again`);
          return page.props;
        },
      }));
    }
    const made = pages();
    this.#next[id] = { inputs, pages: made.map((page) => [page.params, page.cacheKey]) };
    return made;
  }

  /** Writes the record of the listings this build saw, to a draft renamed over the old one. */
  save(): void {
    mkdirSync(path.dirname(this.#file), { recursive: true });
    writeFileSync(`${this.#file}.tmp`, JSON.stringify(this.#next));
    renameSync(`${this.#file}.tmp`, this.#file);
  }
}

function readRecord(file: string): Record<string, Recorded> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Recorded>;
  } catch {
    // No record yet, or a damaged one: every listing is cut again.
    return {};
  }
}
