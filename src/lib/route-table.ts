import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A getStaticPaths() entry with its cache key (src/lib/cache-key.ts). */
export interface KeyedPath<Params, Props> {
  params: Params;
  props: Props;
  cacheKey: string;
}

/**
 * An entry's digest (src/lib/record-loader.ts), for a page that reads the entry's file when it
 * is rendered: the table notes that the page's key holds it.
 */
export type DigestOf = (id: string) => string | undefined;

/** A route's paths in groups (an article's page, a listing's pages, a feed), each made on its own. */
export interface RouteSource<Params, Props> {
  /** Every group, in a fixed order; asked for only when the table is not reused. */
  groups: () => Iterable<string>;
  /**
   * The paths of one group. Their keys must hold whatever they show beyond what `inputs`
   * covers, and take every entry digest they hold from `digestOf`.
   */
  paths: (group: string, digestOf: DigestOf) => KeyedPath<Params, Props>[];
}

/**
 * Params as entries, an absent one (a listing's newest page has no `page`) as null: JSON
 * would drop the key, and Astro refuses a path whose params are empty.
 */
type RecordedParams = [name: string, value: string | number | null][];

/** A group at the last build: its id, the entry digests its keys held, each page's params and cache key. */
type Recorded = [group: string, digests: [id: string, digest: string | null][], pages: [params: RecordedParams, cacheKey: string][]];

const recordParams = (params: unknown): RecordedParams =>
  Object.entries(params as Record<string, string | number | undefined>).map(([name, value]) => [name, value ?? null]);
const recordedParams = <Params>(params: RecordedParams): Params => Object.fromEntries(params.map(([name, value]) => [name, value ?? undefined])) as Params;

interface Table {
  inputs: string;
  groups: Recorded[];
}

export interface RouteTableOptions {
  /** Where the tables are kept, one `<name>.json` a route. */
  dir: string;
  /**
   * What every path of the route is made of besides the code and the entries' digests (the
   * archive's records, src/lib/archive-index.ts): a table made from other inputs is not reused.
   */
  inputs: string;
  /** Each entry's digest now. */
  digests: ReadonlyMap<string, string>;
  /** Whether the code is as at the last build that wrote the table (src/build/render-skip.ts). */
  reuse: boolean;
  /**
   * Whether to give only the groups made again, when the table's inputs are unchanged: the build
   * then keeps every other page of the route as its last record holds it, without listing it
   * (src/integrations/incremental-pages.ts). Only with `reuse`, and with the site folder as the
   * last build left it, where no kept page can be missing.
   */
  changedOnly: boolean;
  /** The route's pattern (`routePattern` of getStaticPaths()), by which the build finds the pages left out. */
  pattern: string;
}

/**
 * A route's getStaticPaths() entries, taken from the table its last build wrote when they
 * cannot have changed. Making them (every article's context, every listing cut into pages, a
 * key hashed for each) runs over the whole archive, for the few that changed. With the code
 * unchanged, a path is a function of the archive's records and of the digests of the entries
 * its page reads when rendered. So when the records are as at the last build (`inputs`), the
 * groups and their pages are the recorded ones, and a group whose entries' digests are all as
 * recorded has its recorded pages and keys: only the others are made again. Props of a kept
 * page are made only if Astro asks for them (a page it renders: its file was deleted, say),
 * and must then give the recorded key. With `changedOnly`, the kept pages are not given at all:
 * at 100,000 articles, listing 170,000 unchanged pages, and Astro turning each into a path,
 * took most of a build after one file changed. The table is written when anything in it changed.
 */
export function routePaths<Params, Props>(name: string, options: RouteTableOptions, source: RouteSource<Params, Props>): KeyedPath<Params, Props>[] {
  const file = path.join(options.dir, `${name}.json`);
  const last = options.reuse ? readTable(file) : undefined;
  const groups: Recorded[] = [];
  const paths: KeyedPath<Params, Props>[] = [];
  const tally = { pattern: options.pattern, made: 0, kept: 0, left: 0 };
  tallies().set(name, tally);
  const make = (group: string): KeyedPath<Params, Props>[] => {
    tally.made++;
    const used = new Map<string, string | null>();
    const made = source.paths(group, (id) => {
      const digest = options.digests.get(id);
      used.set(id, digest ?? null);
      return digest;
    });
    groups.push([group, [...used], made.map((page) => [recordParams(page.params), page.cacheKey])]);
    for (const page of made) paths.push(page);
    return made;
  };
  if (last?.inputs !== options.inputs) {
    for (const group of source.groups()) make(group);
  } else {
    let changed = false;
    for (const recorded of last.groups) {
      const [group, digests, pages] = recorded;
      if (digests.some(([id, digest]) => (options.digests.get(id) ?? null) !== digest)) {
        make(group);
        changed = true;
        continue;
      }
      groups.push(recorded);
      tally.kept++;
      if (options.changedOnly) {
        tally.left += pages.length;
        continue;
      }
      let made: KeyedPath<Params, Props>[] | undefined;
      for (const [i, [params, cacheKey]] of pages.entries()) {
        paths.push({
          params: recordedParams<Params>(params),
          cacheKey,
          get props(): Props {
            made ??= source.paths(group, (id) => options.digests.get(id));
            const page = made[i];
            // The table and the pages made now disagree: it cannot be trusted.
            if (page?.cacheKey !== cacheKey) throw new Error(`${file}: the recorded paths of ${group} are not what its inputs make; delete the file and build again`);
            return page.props;
          },
        });
      }
    }
    if (!changed) return paths;
  }
  writeTable(file, { inputs: options.inputs, groups });
  return paths;
}

/**
 * Groups made and kept per route in this process, for the build's log. On `globalThis`: the
 * routes run inside the bundle Astro renders with, the integration that logs outside it.
 */
const TALLIES = Symbol.for('political-news-archive:route-tables');
type Tallies = Map<string, { pattern: string; made: number; kept: number; left: number }>;
const tallies = (): Tallies => ((globalThis as { [TALLIES]?: Tallies })[TALLIES] ??= new Map());

/**
 * What the route tables did in this process: groups made and kept in all, and by route
 * pattern, the number of kept pages not given (`changedOnly`).
 */
export function routeTablesTally(): { routes: number; made: number; kept: number; left: Map<string, number> } {
  let made = 0;
  let kept = 0;
  const left = new Map<string, number>();
  for (const tally of tallies().values()) {
    made += tally.made;
    kept += tally.kept;
    if (tally.left > 0) left.set(tally.pattern, (left.get(tally.pattern) ?? 0) + tally.left);
  }
  return { routes: tallies().size, made, kept, left };
}

function readTable(file: string): Table | undefined {
  try {
    const table = JSON.parse(readFileSync(file, 'utf8')) as Partial<Table>;
    return typeof table.inputs === 'string' && Array.isArray(table.groups) ? (table as Table) : undefined;
  } catch {
    // No table yet, or a damaged one: every path is made again.
    return undefined;
  }
}

/** Written to a draft renamed over the old table, so a killed build leaves one whole table. */
function writeTable(file: string, table: Table): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(table));
  renameSync(`${file}.tmp`, file);
}
