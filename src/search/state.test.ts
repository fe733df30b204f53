import { describe, expect, it } from 'vitest';
import { LANGS } from '../schemas/article.ts';
import { hasCriteria, pagefindFilters, parseSearchState, searchStateQuery } from './state.ts';

const parse = (query: string) => parseSearchState(new URLSearchParams(query), LANGS);

describe('parseSearchState', () => {
  it('reads the query, every filter and the sort', () => {
    expect(parse('q=r%C3%A9forme&lang=ru&topic=doc-18-nq-tw&publisher=Nh%C3%A2n+D%C3%A2n&year=2025&sort=date')).toEqual({
      q: 'réforme',
      lang: 'ru',
      topic: 'doc-18-nq-tw',
      publisher: 'Nhân Dân',
      year: '2025',
      sort: 'date',
    });
  });

  it('drops values that cannot be valid instead of searching for them', () => {
    expect(parse('q=x&lang=de&topic=Not+A+Slug&year=25&sort=random')).toEqual({ q: 'x', sort: 'relevance' });
  });

  it('accepts only the languages it is given', () => {
    expect(parseSearchState(new URLSearchParams('lang=el'), ['fr', 'ru']).lang).toBeUndefined();
    expect(parseSearchState(new URLSearchParams('lang=ru'), ['fr', 'ru']).lang).toBe('ru');
  });

  it('keeps document references as typed', () => {
    expect(parse('q=18-NQ%2FTW').q).toBe('18-NQ/TW');
  });
});

describe('searchStateQuery', () => {
  it('round-trips through parseSearchState', () => {
    const state = parse('sort=date&year=2024&q=%D0%A5%D0%B0%D0%BD%D0%BE%D0%B9&lang=el');
    expect(parseSearchState(new URLSearchParams(searchStateQuery(state)), LANGS)).toEqual(state);
  });

  it('writes keys in one order and leaves defaults out', () => {
    expect(searchStateQuery({ q: 'a b', year: '2024', lang: 'fr', sort: 'relevance' })).toBe('?q=a+b&lang=fr&year=2024');
    expect(searchStateQuery({ q: '', sort: 'relevance' })).toBe('');
  });
});

describe('hasCriteria and pagefindFilters', () => {
  it('a filter alone is a search (listing a topic), an empty form is not', () => {
    expect(hasCriteria(parse('topic=hanoi'))).toBe(true);
    expect(hasCriteria(parse('sort=date'))).toBe(false);
  });

  it('passes topic, publisher and year to Pagefind but not the language', () => {
    expect(pagefindFilters(parse('lang=fr&topic=hanoi&publisher=X&year=2025'))).toEqual({
      topic: 'hanoi',
      publisher: 'X',
      year: '2025',
    });
  });
});
