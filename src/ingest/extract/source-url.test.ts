import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, parseSourceLine, repairUrlSpacing } from './source-url.ts';

describe('parseSourceLine', () => {
  it.each(['Source : ', 'Source:', 'Источник: ', 'Πηγή: ', 'Nguồn: ', 'Źródło: ', 'Джерело: ', 'Quelle: ', 'SOURCE :'])('reads the label "%s"', (label) => {
    expect(parseSourceLine(`${label}https://nhandan.vn/a-post1.html`)?.url).toBe('https://nhandan.vn/a-post1.html');
  });

  it('treats a label without a URL as no source', () => {
    expect(parseSourceLine('Источник: Документ')).toEqual({ value: 'Документ' });
    expect(parseSourceLine('Source :')).toEqual({ value: '' });
    expect(parseSourceLine('Le texte cite une source : le ministère')).toBeUndefined();
  });

  it('refuses URL-looking values it cannot accept, with a reason', () => {
    expect(parseSourceLine('Source : javascript:alert(1)')?.warning).toMatch(/^source: only http and https/);
  });
});

describe('canonicalizeUrl', () => {
  it('repairs the spaces machine translation puts inside URLs', () => {
    expect(canonicalizeUrl('https: //nhandan.vn/ tiep-tuc - no-luc -post891670.html')).toEqual({ url: 'https://nhandan.vn/tiep-tuc-no-luc-post891670.html' });
    expect(repairUrlSpacing('https://x.vn/a.html (traduit)')).toBe('https://x.vn/a.html');
  });

  it('drops tracking parameters and the fragment, lower-cases the host, keeps other parameters', () => {
    expect(canonicalizeUrl('https://BaoChinhPhu.VN/a.htm?id=3&utm_source=fb&utm_medium=x&fbclid=1&gclid=2#top')).toEqual({ url: 'https://baochinhphu.vn/a.htm?id=3' });
    expect(canonicalizeUrl('http://vov.vn/a.htm?utm_campaign=z')).toEqual({ url: 'http://vov.vn/a.htm' });
  });

  it('refuses credentials, other schemes and broken URLs', () => {
    expect(canonicalizeUrl('https://user:pass@nld.com.vn/a.htm')).toEqual({ warning: expect.stringMatching(/^source: URL carries credentials/) });
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '//evil.example/path', 'https://', 'http://[::1', 'https://nhandan.vn/<script>-post2.html']) {
      expect(canonicalizeUrl(bad)).toHaveProperty('warning');
    }
  });
});
