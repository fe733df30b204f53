/** Builds the Pagefind index of the built site (stage three of the build). */
import path from 'node:path';
import * as pagefind from 'pagefind';
import { distDir } from '../src/config/archive.ts';

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: distDir });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: path.join(distDir, 'pagefind') });
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
console.log(`search index: ${added.page_count} pages`);
await pagefind.close();
