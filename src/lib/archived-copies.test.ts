import { describe, expect, it } from 'vitest';
import { archivedCopies, waybackUrl } from './archived-copies.ts';

const source = 'https://nld.com.vn/thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-196250121140352663.htm';
const raw = { path: '000.txt', sha256: 'a'.repeat(64), bytes: 10, encoding: 'utf-8' };

describe('waybackUrl', () => {
  it('points at the capture nearest the article date when the date is known', () => {
    expect(waybackUrl(source, '2025-01-26')).toBe(`https://web.archive.org/web/20250126/${source}`);
  });
  it('falls back to the capture list without a date', () => {
    expect(waybackUrl(source, undefined)).toBe(`https://web.archive.org/web/*/${source}`);
  });
});

describe('archivedCopies', () => {
  it('links source, Wayback, archive.today and the raw copy with Robust Links data', () => {
    const copies = archivedCopies({ sourceUrl: source, date: '2025-01-26', raw }, '/raw/aaa.txt');
    expect(copies.source).toMatchObject({ href: source, versionUrl: `https://web.archive.org/web/20250126/${source}`, versionDate: '2025-01-26', external: true });
    expect(copies.wayback).toMatchObject({ originalUrl: source, versionDate: '2025-01-26' });
    expect(copies.archiveToday?.href).toBe(`https://archive.ph/newest/${source}`);
    expect(copies.raw).toMatchObject({ href: '/raw/aaa.txt', sha256: raw.sha256, originalUrl: source, external: false });
  });
  it('gives no version date to an undated article', () => {
    const copies = archivedCopies({ sourceUrl: source, raw }, '/raw/aaa.txt');
    expect(copies.wayback?.versionDate).toBeUndefined();
    expect(copies.wayback?.href).toContain('/web/*/');
  });
  it('still offers the raw copy when there is no source', () => {
    const copies = archivedCopies({ raw }, '/raw/aaa.txt');
    expect(copies.source).toBeUndefined();
    expect(copies.wayback).toBeUndefined();
    expect(copies.raw.href).toBe('/raw/aaa.txt');
    expect(copies.raw.originalUrl).toBeUndefined();
  });
});
