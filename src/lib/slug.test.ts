import { describe, expect, it } from 'vitest';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it('folds Vietnamese, French and other Latin diacritics, đ included', () => {
    expect(slugify('Báo Nhân dân')).toBe('bao-nhan-dan');
    expect(slugify('Người Lao Động')).toBe('nguoi-lao-dong');
    expect(slugify('09-KL/BCĐ')).toBe('09-kl-bcd');
    expect(slugify('Hô-Chi-Minh-Ville, Réforme')).toBe('ho-chi-minh-ville-reforme');
  });

  it('drops other scripts and trims separators', () => {
    expect(slugify('  — Ханой 2025 —  ')).toBe('2025');
    expect(slugify('Πηγή')).toBe('');
  });
});
