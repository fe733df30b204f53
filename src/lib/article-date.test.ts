import { describe, expect, it } from 'vitest';
import { dateProvenance, inferredDate, knownPublicationDate } from './article-date.ts';

describe('knownPublicationDate and inferredDate', () => {
  it('know a date read from the publisher line or the source URL', () => {
    expect(knownPublicationDate({ date: '2025-01-26', dateSource: 'publisher-line' })).toBe('2025-01-26');
    expect(knownPublicationDate({ date: '2025-01-21', dateSource: 'source-url' })).toBe('2025-01-21');
    expect(inferredDate({ date: '2025-01-26', dateSource: 'publisher-line' })).toBeUndefined();
    expect(dateProvenance({ date: '2025-01-21', dateSource: 'source-url' })).toBe('source-url');
  });
  it('take any other date for inferred, one of unstated origin included', () => {
    expect(knownPublicationDate({ date: '2024-11-30', dateSource: 'inferred' })).toBeUndefined();
    expect(inferredDate({ date: '2024-11-30', dateSource: 'inferred' })).toBe('2024-11-30');
    expect(knownPublicationDate({ date: '2024-11-30' })).toBeUndefined();
    expect(inferredDate({ date: '2024-11-30' })).toBe('2024-11-30');
    expect(dateProvenance({ date: '2024-11-30' })).toBe('inferred');
  });
  it('give nothing for an undated article', () => {
    expect(knownPublicationDate({})).toBeUndefined();
    expect(inferredDate({ dateSource: 'inferred' })).toBeUndefined();
    expect(dateProvenance({ dateSource: 'publisher-line' })).toBeUndefined();
  });
});
