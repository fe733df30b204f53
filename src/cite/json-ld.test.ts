import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, serialiseJsonLd } from './json-ld.ts';
import { citableWork, type CitableEntry } from './work.ts';

const base = {
  id: 'fr/a',
  title: 'Titre',
  lang: 'fr' as const,
  publisher: { name: 'Người Lao Động', domain: 'nld.com.vn' },
  sourceUrl: 'https://nld.com.vn/a-1.htm',
};
const urls = { archiveUrl: 'https://example.org/articles/fr/a/', rawUrl: 'https://example.org/raw/abc.txt' };
const jsonLd = (entry: CitableEntry, translations: { url: string; lang: string }[] = []) => newsArticleJsonLd(citableWork(entry, urls), translations);

describe('serialiseJsonLd', () => {
  it('cannot be closed by scraped text', () => {
    const json = serialiseJsonLd({ headline: '</script><script>alert(1)</script><!--' });
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json)).toEqual({ headline: '</script><script>alert(1)</script><!--' });
  });
  it('escapes line and paragraph separators and ampersands', () => {
    const json = serialiseJsonLd({ t: 'a\u2028b&c' });
    expect(json).toBe('{"t":"a\\u2028b\\u0026c"}');
    expect(JSON.parse(json)).toEqual({ t: 'a\u2028b&c' });
  });
});

describe('newsArticleJsonLd', () => {
  it('publishes a date that was read', () => {
    const ld = jsonLd({ ...base, date: '2025-01-26', dateSource: 'publisher-line' });
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: 'Titre', inLanguage: 'fr', datePublished: '2025-01-26', isBasedOn: base.sourceUrl, archivedAt: urls.rawUrl });
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: 'Người Lao Động', url: 'https://nld.com.vn/' });
  });
  it('never publishes an inferred date', () => {
    const ld = jsonLd({ ...base, date: '2024-11-30', dateSource: 'inferred' });
    expect(ld).not.toHaveProperty('datePublished');
  });
  it('ties the language versions to their common original', () => {
    const ld = jsonLd(base, [{ url: 'https://example.org/articles/ru/a/', lang: 'ru' }]);
    expect(ld.translationOfWork).toMatchObject({ '@id': base.sourceUrl, inLanguage: 'vi', workTranslation: [{ url: 'https://example.org/articles/ru/a/', inLanguage: 'ru' }] });
  });
  it('claims no original without a source URL', () => {
    const { sourceUrl: _omit, ...noSource } = base;
    const ld = jsonLd(noSource);
    expect(ld).not.toHaveProperty('isBasedOn');
    expect(ld).not.toHaveProperty('translationOfWork');
  });
});
