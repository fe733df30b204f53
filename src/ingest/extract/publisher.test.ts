import { describe, expect, it } from 'vitest';
import { parsePublisherLine, resolvePublisher, undouble } from './publisher.ts';

describe('parsePublisherLine', () => {
  it('reads the doubled name once and the glued date', () => {
    expect(parsePublisherLine('Người Lao ĐộngNgười Lao Động26/01/2025')).toEqual({ name: 'Người Lao Động', printed: '26/01/2025', day: 26, month: 1, year: 2025 });
    expect(parsePublisherLine('Báo Nhân dânBáo Nhân dân05/07/2025')?.name).toBe('Báo Nhân dân');
    expect(parsePublisherLine('VOV 5/7/2025 10:30')).toMatchObject({ name: 'VOV', printed: '05/07/2025' });
  });

  it('does not take a sentence ending in a date for a publisher line', () => {
    expect(parsePublisherLine('La conférence a eu lieu le 26/01/2025')).toBeUndefined();
    expect(parsePublisherLine('Il a été signé : 26/01/2025')).toBeUndefined();
    expect(parsePublisherLine('26/01/2025')).toBeUndefined();
  });
});

describe('undouble', () => {
  it('halves a name written twice, with or without a space', () => {
    expect(undouble('VOVVOV')).toBe('VOV');
    expect(undouble('Tuổi Trẻ Tuổi Trẻ')).toBe('Tuổi Trẻ');
    expect(undouble('Lao Động')).toBe('Lao Động');
  });
});

describe('resolvePublisher', () => {
  it('prefers the printed name and adds the domain; else the table; else the bare domain', () => {
    expect(resolvePublisher('Người Lao Động', 'https://nld.com.vn/a.htm')).toEqual({ name: 'Người Lao Động', domain: 'nld.com.vn' });
    expect(resolvePublisher(undefined, 'https://www.kinhtedothi.vn/a.html')).toEqual({ name: 'Kinh tế & Đô thị', domain: 'kinhtedothi.vn' });
    expect(resolvePublisher(undefined, 'https://en.vietnamplus.vn/a.vnp')).toEqual({ name: 'VietnamPlus', domain: 'en.vietnamplus.vn' });
    expect(resolvePublisher(undefined, 'https://www.example.org/a')).toEqual({ name: 'example.org', domain: 'example.org' });
    expect(resolvePublisher(undefined, undefined)).toBeUndefined();
  });

  it('gives a known publisher its domain from the name alone, in any case or without diacritics', () => {
    expect(resolvePublisher('Báo Nhân dân', undefined)).toEqual({ name: 'Báo Nhân dân', domain: 'nhandan.vn' });
    expect(resolvePublisher('BÁO NHÂN DÂN', undefined)).toEqual({ name: 'BÁO NHÂN DÂN', domain: 'nhandan.vn' });
    expect(resolvePublisher('Nguoi Lao Dong', undefined)).toEqual({ name: 'Nguoi Lao Dong', domain: 'nld.com.vn' });
    expect(resolvePublisher('Hànộimới', undefined)).toEqual({ name: 'Hànộimới', domain: 'hanoimoi.vn' });
    expect(resolvePublisher('Νέα', undefined)).toEqual({ name: 'Νέα' });
    expect(resolvePublisher('Νε\u0301α', undefined)?.name).toBe('Νέα');
  });

  it("keeps the source URL's domain over a name that belongs to another publisher", () => {
    expect(resolvePublisher('Người Lao Động', 'https://nhandan.vn/a.html')).toEqual({ name: 'Người Lao Động', domain: 'nhandan.vn' });
  });
});
