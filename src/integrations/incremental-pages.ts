/**
 * Which pages `astro build` renders, and the sitemap of all of them.
 *
 * Astro's incremental build (experimental.incrementalBuild) restores a page whose cache key and
 * route code are unchanged, but only after visiting it: every page of the archive is checked,
 * recorded and logged on every build. This integration wraps Astro's prerenderer (the public
 * `setPrerenderer` of `astro:build:start`): when the build says the code is as at the last
 * render (RENDER_CHANGED_ONLY, src/build/render-skip.ts), a page whose cache key equals the one
 * in Astro's record of the last build and whose file is still in the site folder is not handed
 * to Astro at all. Astro then renders (or restores) only the rest; its record is given back the
 * pages it did not see, so it stays the record of the whole site. A route whose table gave only
 * the groups made again (src/lib/route-table.ts, `changedOnly`) has its other pages carried
 * over from that record the same way, unlisted. With the code changed, every path goes to
 * Astro, which decides by each route's module graph.
 *
 * The sitemap needs every page, so it is written here from the full list of paths, the carried
 * ones with them, rather than from the pages Astro rendered.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { astroGate } from '../build/astro-gate.ts';
import { RENDER_CHANGED_ONLY, SITE_INTACT } from '../build/render-skip.ts';
import { ASTRO_MANIFEST } from '../build/site-output.ts';
import { storedRecords } from '../lib/record-store.ts';
import { routeTablesTally } from '../lib/route-table.ts';
import { sitemapAlternates, sitemapFiles, sitemapKey } from '../lib/sitemap.ts';

type BuildStart = Parameters<NonNullable<AstroIntegration['hooks']['astro:build:start']>>[0];
type Prerenderer = Exclude<Parameters<BuildStart['setPrerenderer']>[0], (...args: never[]) => unknown>;
type PathWithRoute = Awaited<ReturnType<Prerenderer['getStaticPaths']>>[number];

/** Astro's record of what its last build rendered (`<cacheDir>/incremental-build.json`), as far as it is read here. */
interface AstroRecord {
  version: number;
  routes: Record<string, { dependencyHash: string; paths: Record<string, { cacheKey: string; outputFile: string }> }>;
}

/** The only version of Astro's record this reads; any other is left to Astro alone. */
const ASTRO_RECORD_VERSION = 1;

function readAstroRecord(file: string): AstroRecord | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<AstroRecord>;
    return data.version === ASTRO_RECORD_VERSION && typeof data.routes === 'object' && data.routes !== null ? (data as AstroRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Where the last build's sitemap files are kept, below Astro's cache folder, with `key.json` naming them. */
const SITEMAP_CACHE = 'sitemap/';

/**
 * Writes the sitemap's files into `outFolder`: copies of the last build's (kept in `cacheFolder`)
 * when they were made from the same inputs (`key`, sitemapKey), else made by `make` and kept.
 * Every page's URL parsed and sorted by a collator, and every translated article's alternates,
 * cost about a second at 10,000 articles, for a list that changes only when a page comes or
 * goes or a translation is added. They are written on every build either way, as every page
 * without a cache key is: the site folder's record keeps what a build wrote
 * (src/build/site-output.ts). Returns the files' names and whether they were copied.
 */
export function writeSitemap(outFolder: string, cacheFolder: string, key: string, make: () => Map<string, string>): { names: string[]; copied: boolean } {
  const keyFile = path.join(cacheFolder, 'key.json');
  let kept: { key?: unknown; names?: unknown } | undefined;
  try {
    kept = JSON.parse(readFileSync(keyFile, 'utf8')) as typeof kept;
  } catch {
    kept = undefined;
  }
  if (kept?.key === key && Array.isArray(kept.names) && kept.names.every((name) => typeof name === 'string')) {
    const names = kept.names as string[];
    try {
      for (const name of names) copyFileSync(path.join(cacheFolder, name), path.join(outFolder, name));
      return { names, copied: true };
    } catch {
      // A kept file is gone: the sitemap is made again.
    }
  }
  // Forgotten before the copies are rewritten, so a killed build leaves no key over other files.
  rmSync(keyFile, { force: true });
  const files = make();
  mkdirSync(cacheFolder, { recursive: true });
  for (const [name, xml] of files) {
    writeFileSync(path.join(outFolder, name), xml);
    writeFileSync(path.join(cacheFolder, name), xml);
  }
  writeFileSync(keyFile, JSON.stringify({ key, names: [...files.keys()] }));
  return { names: [...files.keys()], copied: false };
}

/** Error pages answer for addresses that do not exist: they are not addresses to list. */
const STATUS_PAGE = /^\/?(?:404|500)\/?$/;

export interface IncrementalPagesOptions {
  /** The record store this build's content sync left, for the sitemap's language alternates. */
  recordsDir: string;
}

export function incrementalPages(options: IncrementalPagesOptions): AstroIntegration {
  let site = '';
  let base = '/';
  let recordFile = '';
  let outDir: URL | undefined;
  let sitemapCache = '';
  /** Each route's component and type, by its pattern. */
  const routesByPattern = new Map<string, { component: string; type: string }>();
  /** Every path getStaticPaths() gave this build, handed to Astro or not. */
  let allPaths: PathWithRoute[] = [];
  /** The pages left out of getStaticPaths() and carried over from Astro's record, for the sitemap. */
  let carriedPages: string[] = [];
  /** The record's entries of the pages kept without Astro, by route. */
  let kept = new Map<string, { dependencyHash: string; paths: Record<string, { cacheKey: string; outputFile: string }> }>();
  /**
   * The paths to hand Astro: all of them, or with the code unchanged only those that changed.
   * `left`: by route pattern, how many unchanged pages the route tables did not give at all.
   */
  const choosePaths = (logger: BuildStart['logger'], left: ReadonlyMap<string, number>): PathWithRoute[] => {
    kept = new Map();
    carriedPages = [];
    const previous = process.env[RENDER_CHANGED_ONLY] === '1' ? readAstroRecord(recordFile) : undefined;
    if (left.size > 0 && (!previous || !outDir)) {
      throw new Error(`${recordFile}: the route tables left out unchanged pages, but Astro's record of them cannot be read; build again with --clean`);
    }
    if (!previous || !outDir) return allPaths;
    const keep = (component: string, dependencyHash: string, pathname: string, last: { cacheKey: string; outputFile: string }) => {
      let routeKept = kept.get(component);
      if (!routeKept) kept.set(component, (routeKept = { dependencyHash, paths: {} }));
      routeKept.paths[pathname] = last;
    };
    const given: PathWithRoute[] = [];
    let keptCount = 0;
    // With the site folder as the last build left it, every page of its record is there: a
    // `stat` of each (160,000 at 100,000 articles) would tell nothing more.
    const folder = outDir;
    const present = process.env[SITE_INTACT] === '1' ? () => true : (outputFile: string) => existsSync(fileURLToPath(new URL(outputFile, folder)));
    for (const entry of allPaths) {
      const route = previous.routes[entry.route.component];
      const last = route?.paths[entry.pathname];
      if (route && last && entry.cacheKey !== undefined && last.cacheKey === entry.cacheKey && present(last.outputFile)) {
        keep(entry.route.component, route.dependencyHash, entry.pathname, last);
        keptCount++;
      } else {
        given.push(entry);
      }
    }
    // A route's pages left out are those of its record that getStaticPaths() did not give: with
    // the archive's records unchanged, its pages are the last build's.
    for (const [pattern, count] of left) {
      const resolved = routesByPattern.get(pattern);
      const route = resolved && previous.routes[resolved.component];
      if (!resolved || !route) throw new Error(`${recordFile}: Astro's record holds no pages of ${pattern}, whose route table left out ${count}; build again with --clean`);
      const listed = new Set(allPaths.filter((entry) => entry.route.component === resolved.component).map((entry) => entry.pathname));
      let carried = 0;
      for (const [pathname, last] of Object.entries(route.paths)) {
        if (listed.has(pathname)) continue;
        keep(resolved.component, route.dependencyHash, pathname, last);
        if (resolved.type === 'page') carriedPages.push(pathname);
        carried++;
      }
      if (carried !== count) throw new Error(`${recordFile}: Astro's record holds ${carried} pages of ${pattern} beside those given, its route table left out ${count}; build again with --clean`);
      keptCount += carried;
    }
    // Astro prunes the stored copy of every page its last record holds and this build does not
    // hand it: the kept pages leave its record until it is written again (astro:build:done).
    for (const [component, route] of kept) {
      const previousRoute = previous.routes[component];
      if (previousRoute) for (const pathname of Object.keys(route.paths)) delete previousRoute.paths[pathname];
    }
    writeFileSync(recordFile, JSON.stringify(previous));
    logger.info(`${keptCount} unchanged pages kept without visiting them`);
    return given;
  };
  return {
    name: 'incremental-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = config.base;
        recordFile = fileURLToPath(new URL(ASTRO_MANIFEST, config.cacheDir));
        outDir = config.outDir;
        sitemapCache = fileURLToPath(new URL(SITEMAP_CACHE, config.cacheDir));
      },
      'astro:routes:resolved': ({ routes }) => {
        for (const route of routes) routesByPattern.set(route.pattern, { component: route.entrypoint, type: route.type });
      },
      'astro:build:start': async ({ setPrerenderer, logger }) => {
        // The articles loader waits at the gate; should Astro not have run it, nothing past
        // here may read the archive before the gate opens either.
        await astroGate();
        setPrerenderer((prerenderer) => {
          let given: PathWithRoute[] = [];
          return {
            ...prerenderer,
            name: 'incremental-pages',
            // Astro reads its record between setup() and getStaticPaths(), so the paths are
            // chosen, and the record trimmed, here.
            setup: async () => {
              await prerenderer.setup?.();
              allPaths = await prerenderer.getStaticPaths();
              const tables = routeTablesTally();
              const left = [...tables.left.values()].reduce((sum, count) => sum + count, 0);
              logger.info(
                `route tables: ${tables.made} of ${tables.made + tables.kept} groups of paths made, the others kept (${tables.routes} routes)${left > 0 ? `; ${left} unchanged pages not listed` : ''}`,
              );
              given = choosePaths(logger, tables.left);
            },
            getStaticPaths: async () => given,
          };
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (kept.size > 0) {
          const record = readAstroRecord(recordFile);
          if (!record) throw new Error(`${recordFile}: Astro wrote no record this build could complete`);
          for (const [component, route] of kept) {
            const written = (record.routes[component] ??= { dependencyHash: route.dependencyHash, paths: {} });
            Object.assign(written.paths, route.paths);
          }
          // Without Astro's indentation: at 100,000 articles the record is 36 MB instead of 40,
          // written in 1.4 s instead of 2.1 and read back by the next build faster too.
          await writeFile(recordFile, JSON.stringify(record));
        }
        const pages = [...allPaths.filter((entry) => entry.route.type === 'page').map((entry) => entry.pathname), ...carriedPages].filter((page) => !STATUS_PAGE.test(page));
        const entries = [...storedRecords(options.recordsDir).values()].map(({ record }) => record);
        const key = sitemapKey(pages, entries, site, base);
        const written = writeSitemap(fileURLToPath(dir), sitemapCache, key, () => sitemapFiles(pages, sitemapAlternates(entries, site, base), site, base));
        logger.info(`sitemap: ${pages.length} pages in ${written.names.length} file(s)${written.copied ? ', as the last build made them' : ''}`);
      },
    },
  };
}
