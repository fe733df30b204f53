import { describe, expect, it } from 'vitest';
import { citationMetaTags, type MetaTag } from './meta.ts';
import type { CitableWork } from './work.ts';

const work: CitableWork = {
  id: 'fr/a',
  title: 'Titre',
  lang: 'fr',
  publisher: 'Nhân Dân',
  author: 'Thu Ha',
  published: '2025-07-05',
  archiveUrl: 'https://ex.org/articles/fr/a/',
  rawUrl: 'https://ex.org/raw/0.txt',
};
const extra = { siteName: 'Archive', description: 'Lead.', translations: ['ru' as const] };
const value = (tags: MetaTag[], key: string) => tags.filter((t) => ('name' in t ? t.name : t.property) === key).map((t) => t.content);

describe('citationMetaTags', () => {
  it('gives Highwire and Open Graph tags for a dated article with a byline', () => {
    const tags = citationMetaTags(work, extra);
    expect(value(tags, 'citation_title')).toEqual(['Titre']);
    expect(value(tags, 'citation_author')).toEqual(['Thu Ha']);
    expect(value(tags, 'citation_publication_date')).toEqual(['2025/07/05']);
    expect(value(tags, 'citation_publisher')).toEqual(['Nhân Dân']);
    expect(value(tags, 'citation_language')).toEqual(['fr']);
    expect(value(tags, 'citation_public_url')).toEqual([work.archiveUrl]);
    expect(value(tags, 'og:type')).toEqual(['article']);
    expect(value(tags, 'og:url')).toEqual([work.archiveUrl]);
    expect(value(tags, 'og:locale')).toEqual(['fr_FR']);
    expect(value(tags, 'og:locale:alternate')).toEqual(['ru_RU']);
    expect(value(tags, 'article:published_time')).toEqual(['2025-07-05']);
  });
  it('states no publication date for an inferred or unknown date, and no author without a byline', () => {
    const { published: _p, author: _a, ...rest } = work;
    const tags = citationMetaTags({ ...rest, inferredDate: '2024-11-30' }, extra);
    expect(value(tags, 'citation_publication_date')).toEqual([]);
    expect(value(tags, 'article:published_time')).toEqual([]);
    expect(value(tags, 'citation_author')).toEqual([]);
    expect(JSON.stringify(tags)).not.toContain('2024');
  });
});
