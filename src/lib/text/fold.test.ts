import { describe, expect, it } from 'vitest';
import { fold } from './fold.ts';

describe('fold', () => {
  it('drops accents, tonos and case in all three scripts', () => {
    expect(fold('Réforme')).toBe('reforme');
    expect(fold('ΣΥΝΈΔΡΙΟ')).toBe('συνεδριο');
    expect(fold('συνέδριο')).toBe('συνεδριο');
    expect(fold('Ёлка')).toBe('елка');
    expect(fold('Hanoï')).toBe('hanoi');
  });

  it('treats final sigma and đ as their plain letters', () => {
    expect(fold('ΛΌΓΟΣ')).toBe(fold('λόγος'));
    expect(fold('Đảng')).toBe('dang');
  });
});

describe('fold, shared by the ingest', () => {
  it('gives the date tables and the document codes the forms they were written in', () => {
    expect(fold('Νοεμβρίου')).toBe('νοεμβριου');
    expect(fold('Μαΐου')).toBe('μαιου');
    expect(fold('août')).toBe('aout');
    expect(fold('Đ').toUpperCase()).toBe('D');
    expect(fold('της')).toBe('τησ');
  });
});
