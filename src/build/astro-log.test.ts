import { describe, expect, it } from 'vitest';
import { loggedPages } from './astro-log.ts';

// Lines as Astro 7.3 prints them; the coloured ones as it does when CI is set.
const plain = [
  '22:01:05 ▶ src/pages/articles/[...id].astro',
  '22:01:05   ├─ /articles/fr/a/index.html (+12ms)',
  '22:01:05   ├─ /articles/fr/b/index.html (restored)',
  '22:01:05   ├─ /articles/fr/c/index.html (cached)',
  '22:01:06 ✓ Completed in 1.2s.',
].join('\n');
const coloured = '\x1b[2m22:01:05\x1b[22m   \x1b[34m├─\x1b[39m \x1b[2m/articles/ru/d/index.html\x1b[22m \x1b[2m(+3ms)\x1b[22m\n'
  + '\x1b[2m22:01:05\x1b[22m   \x1b[32m├─\x1b[39m \x1b[2m/topics/x/index.html\x1b[22m \x1b[32m(restored)\x1b[39m\n';

describe('loggedPages', () => {
  it('names each written page and whether it was restored', () => {
    expect(loggedPages(plain)).toEqual([
      { path: '/articles/fr/a/index.html', restored: false },
      { path: '/articles/fr/b/index.html', restored: true },
      { path: '/articles/fr/c/index.html', restored: true },
    ]);
  });

  it('reads a coloured log the same way', () => {
    expect(loggedPages(coloured)).toEqual([
      { path: '/articles/ru/d/index.html', restored: false },
      { path: '/topics/x/index.html', restored: true },
    ]);
  });
});
