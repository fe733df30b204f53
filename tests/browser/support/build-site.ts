import { cp, rm, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { testArchiveDir, testDistDir, testInputDir, siteFixturesDir, sampleRawDir, testSiteDir } from './paths.ts';

/** Vitest global setup: one build of the samples plus the site fixtures, with the real build command. */
export default async function setup(): Promise<void> {
  if (process.env.SKIP_TEST_BUILD === '1') return;
  await rm(testSiteDir, { recursive: true, force: true });
  await mkdir(testInputDir, { recursive: true });
  await cp(sampleRawDir, testInputDir, { recursive: true });
  await cp(siteFixturesDir, testInputDir, { recursive: true });
  execFileSync(
    process.execPath,
    ['scripts/build.ts', '--input', testInputDir, '--out', testArchiveDir, '--dist', testDistDir],
    { stdio: 'inherit' },
  );
}
