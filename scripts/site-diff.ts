/**
 * `npm run site-diff -- OLD NEW [--list]`: which files of a built site differ from an earlier
 * build's, by content; what `rclone sync --checksum` (deploy/github/s3.yml) would upload.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { diffSites, formatSiteDiff } from './lib/site-diff.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help || positionals.length !== 2) {
  console.log(`Usage: npm run site-diff -- OLD NEW [--list]

  Compares two site folders file by file (SHA-256 of the bytes) and prints how many files a
  sync from OLD to NEW uploads and deletes. --list also names them.`);
  process.exit(values.help ? 0 : 1);
}
for (const dir of positionals) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`site-diff: ${dir}: not a folder`);
    process.exit(1);
  }
}
const diff = diffSites(positionals[0] as string, positionals[1] as string);
if (values.list) {
  for (const file of diff.added) console.log(`+ ${file}`);
  for (const file of diff.changed) console.log(`~ ${file}`);
  for (const file of diff.removed) console.log(`- ${file}`);
}
console.log(formatSiteDiff(diff));
