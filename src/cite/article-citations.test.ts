import { describe, expect, it } from 'vitest';
import { articleCitations } from './article-citations.ts';
import { makeArticle } from '../../tests/unit/support/articles.ts';

const absolute = (path: string) => `https://ex.org/${path}`;
const raw = `https://ex.org/raw/${'0'.repeat(64)}.txt`;

describe('articleCitations', () => {
  const ruA = makeArticle('ru/a', { publisher: { name: 'Nhân Dân', domain: 'nhandan.vn' }, sourceUrl: 'https://nhandan.vn/a.html', date: '2025-07-05', dateSource: 'publisher-line' });
  const cited = articleCitations(ruA, [{ id: 'fr/a', lang: 'fr' }], 'Summary.', absolute);

  it('cites the page and its raw copy by their absolute URLs, in every form', () => {
    expect(cited.text).toContain('Archived at https://ex.org/articles/ru/a/.');
    expect(cited.jsonLd).toMatchObject({ url: 'https://ex.org/articles/ru/a/', archivedAt: raw, datePublished: '2025-07-05', publisher: { url: 'https://nhandan.vn/' } });
    expect(cited.meta).toContainEqual({ name: 'citation_public_url', content: 'https://ex.org/articles/ru/a/' });
    expect(cited.files.map((file) => file.path)).toEqual(['articles/ru/a.bib', 'articles/ru/a.ris', 'articles/ru/a.csl.json']);
  });

  it('names the other language versions in the JSON-LD and the Open Graph locales', () => {
    expect(cited.jsonLd).toMatchObject({ translationOfWork: { workTranslation: [{ url: 'https://ex.org/articles/fr/a/', inLanguage: 'fr' }] } });
    expect(cited.meta).toContainEqual({ property: 'og:locale:alternate', content: 'fr_FR' });
    expect(cited.meta).toContainEqual({ property: 'og:description', content: 'Summary.' });
  });

  it('gives an inferred date as one, and never as the publication date', () => {
    const guessed = articleCitations({ ...ruA, dateSource: 'inferred' }, [], 'Summary.', absolute);
    expect(guessed.text).toContain('[5 July 2025, date inferred]');
    expect(guessed.jsonLd).not.toHaveProperty('datePublished');
    expect(guessed.meta.filter((tag) => 'name' in tag && tag.name === 'citation_publication_date')).toEqual([]);
  });
});
