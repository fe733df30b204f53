import { describe, expect, it } from 'vitest';
import { joinBase, routes, searchWithin } from './urls.ts';

describe('joinBase', () => {
  it('works at a domain root and under a sub-path, with or without a trailing slash', () => {
    expect(joinBase('/', 'topics/')).toBe('/topics/');
    expect(joinBase('/archive', 'topics/')).toBe('/archive/topics/');
    expect(joinBase('/archive/', '/articles/fr/x/')).toBe('/archive/articles/fr/x/');
    expect(joinBase('/archive/', '')).toBe('/archive/');
  });
});

describe('routes', () => {
  it('builds the article permalink from the entry id', () => {
    expect(routes.article('fr/some-slug-1a2b')).toBe('articles/fr/some-slug-1a2b/');
  });
  it('puts the language filter of a topic on its own route', () => {
    expect(routes.topic('doc-18-nq-tw', 'ru')).toBe('topics/doc-18-nq-tw/ru/');
  });
  it('encodes search filter values', () => {
    expect(searchWithin('publisher', 'Kinh tế & Đô thị')).toBe('search/?publisher=Kinh%20t%E1%BA%BF%20%26%20%C4%90%C3%B4%20th%E1%BB%8B');
    expect(searchWithin('topic', 'doc-18-nq-tw', ['lang', 'ru'])).toBe('search/?topic=doc-18-nq-tw&lang=ru');
  });
});
