import path from 'node:path';

/** The test build lives apart from the user's own archive and `dist/`. */
export const testSiteDir = path.resolve('.cache/test-site');
export const testInputDir = path.join(testSiteDir, 'input');
export const testArchiveDir = path.join(testSiteDir, 'archive');
export const testDistDir = path.join(testSiteDir, 'dist');
/** Extra raw files (hostile text, a translation of a sample...) built together with the samples. */
export const siteFixturesDir = path.resolve('tests/fixtures/site');
export const sampleRawDir = path.resolve('content/raw');
