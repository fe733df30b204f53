/**
 * When `astro build` has nothing to do. Its output depends on the code (src/, public/, the
 * taxonomy, the config and the lockfile), a few variables of the environment, and the archive
 * folder as the ingest left it. The ingest records that last one itself: after each complete
 * run, every file it wrote with its size and modification time (src/ingest/run/store.ts,
 * `last-run.json`), and a run that changes nothing leaves that record as it was. So a build
 * whose fingerprint of the three equals the last one that rendered, and whose site folder still
 * holds every file that build recorded, unchanged (src/build/site-output.ts), would have Astro
 * visit every page to restore each one: it skips the stage instead. The data and search stages
 * still run on their own caches; scripts/ is in the fingerprint too, since a skipped build keeps
 * every file the last one left, theirs included.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

/**
 * What `astro build` reads besides the archive folder, relative to the project's root, and the
 * scripts of the stages beside it: a skipped build keeps every file the last one left
 * (src/build/build.ts), so the code of every stage must be as it was.
 */
const CODE = ['src', 'scripts', 'public', 'content/topics.yaml', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** The environment the pages read (src/config/site.ts, src/config/archive.ts, the access date). */
const ENVIRONMENT = ['SITE_URL', 'BASE_PATH', 'SOURCE_DATE_EPOCH'];

/** `entry` itself when a file, its files when a folder, none when missing: relative to `root`, `/`-separated. */
function filesOf(root: string, entry: string): string[] {
  const stats = statSync(path.join(root, entry), { throwIfNoEntry: false });
  if (!stats) return [];
  if (!stats.isDirectory()) return [entry];
  return readdirSync(path.join(root, entry), { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.relative(root, path.join(dirent.parentPath, dirent.name)).split(path.sep).join('/'));
}

/**
 * What `astro build` read at a build: the code and environment (`code`), and with them the
 * archive as the ingest left it (`all`).
 */
export interface RenderFingerprint {
  all: string;
  code: string;
}

/**
 * Set for `astro build` when the code and environment are as at the last build that ran it:
 * then no route's module graph changed, and a page whose cache key is unchanged and whose file
 * is still in the site folder is the page this build would render (src/integrations/incremental-pages.ts).
 */
export const RENDER_CHANGED_ONLY = 'ARCHIVE_RENDER_CHANGED_ONLY';

/**
 * Set for `astro build` and the stages beside it when the site folder was found as the last
 * build left it (src/build/site-output.ts: every file it recorded is there, as far as the
 * folders' change times tell): a page in Astro's record, or a search bundle's file, is then in
 * the site folder without a `stat` of its file.
 */
export const SITE_INTACT = 'ARCHIVE_SITE_INTACT';

/**
 * How a route takes its paths from its table (src/lib/route-table.ts), as the build said:
 * reused with the code unchanged, and only the groups made again given when the site folder is
 * as the last build left it too. `pattern`: the route's, as getStaticPaths() is given it.
 */
export function routeTableUse(pattern: string, env: NodeJS.ProcessEnv = process.env): { reuse: boolean; changedOnly: boolean; pattern: string } {
  const reuse = env[RENDER_CHANGED_ONLY] === '1';
  return { reuse, changedOnly: reuse && env[SITE_INTACT] === '1', pattern };
}

/** The fingerprint of the code and environment `astro build` reads, and of the folders' paths. */
export function codeFingerprint(root: string, archive: string, dist: string, env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256');
  const part = (text: string | Buffer) => hash.update(`${text.length}\0`).update(text);
  part(JSON.stringify([archive, dist, ...ENVIRONMENT.map((name) => env[name] ?? null)]));
  for (const file of CODE.flatMap((entry) => filesOf(root, entry)).sort()) {
    part(file);
    part(readFileSync(path.join(root, file)));
  }
  return hash.digest('base64url');
}

/**
 * The fingerprint of everything `astro build` reads, from the code's (codeFingerprint), or
 * undefined when the ingest left no record of its last run (then Astro runs).
 */
export function renderFingerprint(code: string, ingestRecord: string): RenderFingerprint | undefined {
  let record: Buffer;
  try {
    record = readFileSync(ingestRecord);
  } catch {
    return undefined;
  }
  return { all: createHash('sha256').update(`${code}\0`).update(record).digest('base64url'), code };
}

/** The fingerprint of the last build that ran `astro build` to the end, if any. */
function lastRender(stateFile: string): RenderFingerprint | undefined {
  try {
    const [all, code] = readFileSync(stateFile, 'utf8').split('\n');
    return all && code ? { all, code } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the last build that ran `astro build` had this fingerprint. */
export function renderedWith(stateFile: string, fingerprint: RenderFingerprint | undefined): boolean {
  return fingerprint !== undefined && lastRender(stateFile)?.all === fingerprint.all;
}

/** Whether the last build that ran `astro build` had this code and environment (codeFingerprint). */
export function renderedWithCode(stateFile: string, code: string): boolean {
  return lastRender(stateFile)?.code === code;
}

/** Records the fingerprint of a build whose `astro build` finished; forgets it before one starts. */
export function recordRender(stateFile: string, fingerprint: RenderFingerprint | undefined): void {
  if (fingerprint === undefined) rmSync(stateFile, { force: true });
  else writeFileSync(stateFile, `${fingerprint.all}\n${fingerprint.code}`);
}
