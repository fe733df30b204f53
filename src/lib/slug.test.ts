import { describe, expect, it } from 'vitest';
import { shortHash, slugify, urlSegment } from './slug.ts';
import { SLUG } from '../schemas/langs.ts';

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

describe('urlSegment', () => {
  it('is the plain slug for Latin text', () => {
    expect(urlSegment('Báo Nhân dân')).toBe('bao-nhan-dan');
    expect(urlSegment('nld.com.vn')).toBe('nld-com-vn');
  });

  it('transliterates other scripts and adds a hash of the text, so names never share a segment', () => {
    expect(urlSegment('Νέα')).toBe(`nea-${shortHash('Νέα')}`);
    expect(urlSegment('Новости')).toBe(`novosti-${shortHash('Новости')}`);
    expect(urlSegment('Νεα')).not.toBe(urlSegment('Νέα'));
    expect(urlSegment('Νέα')).not.toBe(urlSegment('Nea'));
  });

  it('is never empty, the same for canonically equal text, and bounded', () => {
    for (const text of ['★☆', '!!!', '\u200b\u200f', '', '·']) expect(urlSegment(text)).toMatch(SLUG);
    expect(urlSegment('★☆')).toBe(shortHash('★☆'));
    expect(urlSegment('Νέα')).toBe(urlSegment('Νε\u0301α'));
    const long = urlSegment('Λ'.repeat(2000));
    expect(long.length).toBeLessThanOrEqual(69);
    expect(urlSegment('word '.repeat(400))).toMatch(/^word(?:-word)*-[0-9a-f]{8}$/);
  });
});
