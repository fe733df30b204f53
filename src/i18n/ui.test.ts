import { describe, expect, it } from 'vitest';
import { formatDate, languageLabel, monthName } from './ui.ts';

describe('interface formatting', () => {
  it('writes dates out, so day and month order is never ambiguous', () => {
    expect(formatDate('2025-01-26')).toBe('26 January 2025');
    expect(formatDate('2024-11-03')).toBe('3 November 2024');
    expect(() => formatDate('26/01/2025')).toThrow(/not an ISO date/);
  });
  it('names months and languages', () => {
    expect(monthName(12)).toBe('December');
    expect(() => monthName(13)).toThrow(/no month 13/);
    expect(languageLabel('el')).toBe('Ελληνικά (Greek)');
  });
});
