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
// Several pages rendered at once (build.concurrency): each page's time comes when it is written.
const concurrent = '14:12:55   ├─ /404.html14:12:55   ├─ /about/index.html14:12:55   ├─ /years/2024/index.html (restored)\n'
  + ' (+47ms) \n (+51ms) \n14:12:55   ├─ /articles/el/a-dfa004471e/index.html (+144ms) \n';

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

  it('separates pages whose lines ran together', () => {
    expect(loggedPages(concurrent)).toEqual([
      { path: '/404.html', restored: false },
      { path: '/about/index.html', restored: false },
      { path: '/years/2024/index.html', restored: true },
      { path: '/articles/el/a-dfa004471e/index.html', restored: false },
    ]);
  });
});
