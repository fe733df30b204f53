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
 * The fingerprint of everything `astro build` reads, or undefined when the ingest left no
 * record of its last run (then Astro runs).
 */
export function renderFingerprint(root: string, ingestRecord: string, archive: string, dist: string, env: NodeJS.ProcessEnv): string | undefined {
  let record: Buffer;
  try {
    record = readFileSync(ingestRecord);
  } catch {
    return undefined;
  }
  const hash = createHash('sha256');
  const part = (text: string | Buffer) => hash.update(`${text.length}\0`).update(text);
  part(record);
  part(JSON.stringify([archive, dist, ...ENVIRONMENT.map((name) => env[name] ?? null)]));
  for (const file of CODE.flatMap((entry) => filesOf(root, entry)).sort()) {
    part(file);
    part(readFileSync(path.join(root, file)));
  }
  return hash.digest('base64url');
}

/** Whether the last build that ran `astro build` had this fingerprint. */
export function renderedWith(stateFile: string, fingerprint: string | undefined): boolean {
  if (fingerprint === undefined) return false;
  try {
    return readFileSync(stateFile, 'utf8') === fingerprint;
  } catch {
    return false;
  }
}

/** Records the fingerprint of a build whose `astro build` finished; forgets it before one starts. */
export function recordRender(stateFile: string, fingerprint: string | undefined): void {
  if (fingerprint === undefined) rmSync(stateFile, { force: true });
  else writeFileSync(stateFile, fingerprint);
}
