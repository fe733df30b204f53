import { describe, expect, it } from 'vitest';
import { searchDocument, searchMetadata } from './record.ts';

const topic = (slug: string) => ({ slug, score: 1, matches: [] });

describe('searchMetadata', () => {
  it('describes a dated article: meta, filters per topic, publisher and year, date sort', () => {
    expect(
      searchMetadata({ date: '2025-01-26', publisher: { name: 'Người Lao Động' }, topics: [topic('party'), topic('doc-18-nq-tw')] }),
    ).toEqual({
      meta: [['date', '2025-01-26'], ['publisher', 'Người Lao Động']],
      filters: [['topic', 'doc-18-nq-tw'], ['topic', 'party'], ['publisher', 'Người Lao Động'], ['year', '2025']],
      sort: [['date', '2025-01-26']],
    });
  });
  it('gives an undated article no date, year or sort key', () => {
    expect(searchMetadata({ topics: [] })).toEqual({ meta: [], filters: [], sort: [] });
  });
});

describe('searchDocument', () => {
  const entry = {
    id: 'fr/x-1',
    lang: 'fr' as const,
    title: 'Titre <script>alert(1)</script> & "guillemets"',
    date: '2025-01-26',
    publisher: { name: 'A "B" <C>' },
    topics: [topic('party')],
    body: [
      { kind: 'paragraph' as const, text: '<img src=x onerror=alert(1)> {braces} *stars*' },
      { kind: 'heading' as const, text: 'Sous-titre' },
    ],
  };

  it('is the title as the main heading, then the body, in the article language', () => {
    const html = searchDocument(entry);
    expect(html).toMatch(/^<!doctype html><html lang="fr"><body>\n/);
    expect(html).toContain('<h1 data-pagefind-meta="title">Titre &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;guillemets&quot;</h1>');
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)&gt; {braces} *stars*</p>\n<h2>Sous-titre</h2>');
  });

  it('carries the same metadata, filters and sort keys as searchMetadata, escaped', () => {
    const html = searchDocument(entry);
    expect(html).toContain('<span data-pagefind-meta="publisher:A &quot;B&quot; &lt;C&gt;"></span>');
    expect(html).toContain('<span data-pagefind-filter="topic:party"></span>');
    expect(html).toContain('<span data-pagefind-sort="date:2025-01-26"></span>');
    expect(html.match(/data-pagefind-/g)).toHaveLength(1 + 2 + 3 + 1);
    expect(html).not.toContain('language:');
    expect(html).not.toMatch(/<(?!\/?(?:html|body|h1|h2|p|span)\b|!doctype)/);
  });
});
