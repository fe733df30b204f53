import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether a file exists, told from its folder's listing, each folder read once: for asking of
 * hundreds of thousands of files in a few folders. Made for one moment: the listings are not
 * read again.
 */
export function existsByListing(): (file: string) => boolean {
  const listings = new Map<string, Set<string>>();
  return (file) => {
    const folder = path.dirname(file);
    let names = listings.get(folder);
    if (names === undefined) {
      try {
        names = new Set(readdirSync(folder));
      } catch {
        names = new Set();
      }
      listings.set(folder, names);
    }
    return names.has(path.basename(file));
  };
}
