import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/schemas/article.ts';
import { parseTaxonomy, TOPICS_FILE } from '../../src/schemas/topic.ts';
import { compileTaxonomy, scoreTopics } from '../../src/ingest/steps/topics.ts';

const text = readFileSync(fileURLToPath(new URL(`../../${TOPICS_FILE}`, import.meta.url)), 'utf8');
const taxonomy = parseTaxonomy(text);

describe(TOPICS_FILE, () => {
  it('is valid and large enough to be worth browsing', () => {
    expect(taxonomy.length).toBeGreaterThanOrEqual(40);
    for (const kind of ['theme', 'person', 'place', 'organisation'] as const) {
      expect(taxonomy.filter((topic) => topic.kind === kind).length, kind).toBeGreaterThanOrEqual(8);
    }
  });

  it('labels every topic in English, French, Russian and Greek, each in its own script', () => {
    for (const topic of taxonomy) {
      expect(Object.keys(topic.labels).sort(), topic.slug).toEqual(['el', 'en', 'fr', 'ru']);
      expect(topic.labels.ru, topic.slug).toMatch(/[\u0400-\u04ff]/);
      expect(topic.labels.el, topic.slug).toMatch(/[\u0370-\u03ff]/);
    }
  });

  it('lets every topic be found in every language', () => {
    for (const topic of taxonomy) {
      for (const lang of LANGS) {
        expect(topic.patterns[lang].length + topic.patterns.any.length, `${topic.slug} (${lang})`).toBeGreaterThan(0);
      }
    }
  });

  it('compiles, and every pattern finds its own topic when written out as text', () => {
    const compiled = compileTaxonomy(taxonomy);
    const misses: string[] = [];
    for (const topic of taxonomy) {
      const cases: [Lang, string][] = [
        ...LANGS.flatMap((lang) => topic.patterns[lang].map((pattern): [Lang, string] => [lang, pattern])),
        ...LANGS.flatMap((lang) => topic.patterns.any.map((pattern): [Lang, string] => [lang, pattern])),
      ];
      for (const [lang, pattern] of cases) {
        const body = [{ kind: 'paragraph' as const, text: pattern.replaceAll('*', '') }];
        const scores = scoreTopics({ lang, title: '', body, documentRefs: [], tags: [] }, compiled);
        if (!scores.some((score) => score.slug === topic.slug)) misses.push(`${topic.slug} (${lang}): ${pattern}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
