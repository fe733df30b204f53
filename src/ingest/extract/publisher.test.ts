import { describe, expect, it } from 'vitest';
import { parseDateLine, parsePublisherLine, resolvePublisher, undouble } from './publisher.ts';

describe('parsePublisherLine', () => {
  it('reads the doubled name once and the glued date', () => {
    expect(parsePublisherLine('Người Lao ĐộngNgười Lao Động26/01/2025')).toEqual({ name: 'Người Lao Động', date: { printed: '26/01/2025', day: 26, month: 1, year: 2025 } });
    expect(parsePublisherLine('Báo Nhân dânBáo Nhân dân05/07/2025')?.name).toBe('Báo Nhân dân');
    expect(parsePublisherLine('VOV 5/7/2025 10:30')).toMatchObject({ name: 'VOV', date: { day: 5, month: 7, year: 2025 } });
  });

  it('does not take a sentence ending in a date for a publisher line', () => {
    expect(parsePublisherLine('La conférence a eu lieu le 26/01/2025')).toBeUndefined();
    expect(parsePublisherLine('Il a été signé : 26/01/2025')).toBeUndefined();
    expect(parsePublisherLine('26/01/2025')).toBeUndefined();
  });
});

describe('parsePublisherLine: the other ways pages print their date', () => {
  const read = (line: string) => {
    const parsed = parsePublisherLine(line);
    return parsed && { name: parsed.name, date: parsed.date && [parsed.date.year, parsed.date.month, parsed.date.day] };
  };

  it('reads ISO, dotted and dashed dates', () => {
    expect(read('Báo Điện tử Đảng Cộng sản Việt Nam 2025-03-18 16:40')).toEqual({ name: 'Báo Điện tử Đảng Cộng sản Việt Nam', date: [2025, 3, 18] });
    expect(read('Hànộimới18.03.2025')).toEqual({ name: 'Hànộimới', date: [2025, 3, 18] });
    expect(read('VOVVOV 18-03-2025')).toEqual({ name: 'VOV', date: [2025, 3, 18] });
  });

  it('reads month names in French, Russian and Greek, glued or not', () => {
    expect(read('Báo Quảng NinhBáo Quảng Ninh14 mars 2025')).toEqual({ name: 'Báo Quảng Ninh', date: [2025, 3, 14] });
    expect(read('Báo Quảng NinhBáo Quảng Ninh14 марта 2025 г.')).toEqual({ name: 'Báo Quảng Ninh', date: [2025, 3, 14] });
    expect(read('Báo Quảng NinhBáo Quảng Ninh 14 Μαρτίου 2025 10:05')).toEqual({ name: 'Báo Quảng Ninh', date: [2025, 3, 14] });
    expect(read('Tuổi TrẻTuổi Trẻ 1er juillet 2025')).toEqual({ name: 'Tuổi Trẻ', date: [2025, 7, 1] });
  });

  it('reads past a weekday, a time, a time zone and an "updated" stamp: the first date is the publication', () => {
    expect(read('Tuổi TrẻTuổi Trẻ mardi 18 mars 2025 08:15 GMT+7')).toEqual({ name: 'Tuổi Trẻ', date: [2025, 3, 18] });
    expect(read('Báo Tin tứcBáo Tin tức Τρίτη, 18/03/2025 10:45 (GMT+7)')).toEqual({ name: 'Báo Tin tức', date: [2025, 3, 18] });
    expect(read('Báo Nhân dânBáo Nhân dân Thứ Ba, 18/03/2025 - 10:45')).toEqual({ name: 'Báo Nhân dân', date: [2025, 3, 18] });
    expect(read('Báo Tin tứcBáo Tin tức18/03/2025 10:45 Mis à jour : 19/03/2025 08:00')).toEqual({ name: 'Báo Tin tức', date: [2025, 3, 18] });
    expect(read('Báo Tin tức 18/03/2025 10:45 | Обновлено: 19/03/2025 08:00')).toEqual({ name: 'Báo Tin tức', date: [2025, 3, 18] });
    expect(read('Báo Quân đội nhân dân 18.03.2025 Обновлено 19.03.2025 09:12')).toEqual({ name: 'Báo Quân đội nhân dân', date: [2025, 3, 18] });
  });

  it('reads the name when a placeholder stands for the date, or the name alone when doubled', () => {
    expect(parsePublisherLine('Báo Quốc tếBáo Quốc tếDNUM_CEZADZCACF 17:30')).toEqual({ name: 'Báo Quốc tế', placeholder: 'DNUM_CEZADZCACF' });
    expect(parsePublisherLine('Báo Tin tứcBáo Tin tức 07:15 DNUM_BHZAHZCACF')).toEqual({ name: 'Báo Tin tức', placeholder: 'DNUM_BHZAHZCACF' });
    expect(parsePublisherLine('Báo Quốc tếBáo Quốc tế')).toEqual({ name: 'Báo Quốc tế' });
    expect(parsePublisherLine('Báo Quốc tế')).toBeUndefined();
  });

  it('takes no sentence for a publisher line, whatever its date looks like', () => {
    expect(parsePublisherLine('Le Comité a adopté le plan le 14 mars 2025')).toBeUndefined();
    expect(parsePublisherLine('Hanoï, 14 mars 2025')).toBeUndefined();
    expect(parsePublisherLine('La réunion du 14 mars 2025 a fixé trois tâches.')).toBeUndefined();
    expect(parsePublisherLine('Пленум ЦК партии 14 марта 2025 года завершил работу')).toBeUndefined();
  });
});

describe('parseDateLine', () => {
  it('reads a line that is only a date, and nothing else', () => {
    expect(parseDateLine('18/03/2025 10:45')).toMatchObject({ day: 18, month: 3, year: 2025 });
    expect(parseDateLine('Τρίτη, 18 Μαρτίου 2025')).toMatchObject({ day: 18, month: 3, year: 2025 });
    expect(parseDateLine('Опубликовано: 18.03.2025 10:45')).toMatchObject({ day: 18, month: 3, year: 2025 });
    // An "updated" date alone is not the publication date.
    expect(parseDateLine('Mis à jour le 19/03/2025')).toBeUndefined();
    expect(parseDateLine('Le 18 mars 2025, la conférence')).toBeUndefined();
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
