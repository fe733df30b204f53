import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/unit/support/articles.ts';
import { articleSchema } from './article.ts';

describe('articleSchema dates', () => {
  const valid = (date: string) => articleSchema.safeParse(makeArticle('fr/a', { date })).success;
  it('accepts any day of the calendar, far past and far future included', () => {
    for (const date of ['2024-02-29', '0001-01-01', '0000-02-29', '1899-12-31', '9999-12-31']) expect(valid(date), date).toBe(true);
  });
  it('refuses days that do not exist, which no page could format', () => {
    for (const date of ['2025-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '1900-02-29']) expect(valid(date), date).toBe(false);
  });
});
