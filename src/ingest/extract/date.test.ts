import { describe, expect, it } from 'vitest';
import { chooseDate, dateFromPublisherLine, dateFromSourceUrl, inferDateFromLead, isoDate, yearsByFrequency, type DateSources } from './date.ts';

describe('isoDate', () => {
  it('accepts real days and refuses impossible ones instead of rolling them over', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2025, 2, 29)).toBeUndefined();
    expect(isoDate(2025, 2, 31)).toBeUndefined();
    expect(isoDate(2025, 13, 1)).toBeUndefined();
    expect(isoDate(2025, 4, 0)).toBeUndefined();
  });
});

describe('dateFromPublisherLine', () => {
  it('warns about an impossible date and gives none', () => {
    expect(dateFromPublisherLine({ day: 31, month: 2, year: 2025, printed: '31/02/2025' }, true)).toEqual({ warning: 'date: impossible date 31/02/2025 in publisher line' });
    expect(dateFromPublisherLine({ day: 26, month: 1, year: 2025, printed: '26/01/2025' }, true).finding?.date).toBe('2025-01-26');
  });
});

describe('dateFromSourceUrl', () => {
  it('reads nld.com.vn ids (196 + yyMMddHHmmss)', () => {
    expect(dateFromSourceUrl('https://nld.com.vn/thuc-hien-toan-dien-196250121140352663.htm').finding?.date).toBe('2025-01-21');
  });

  it('reads baochinhphu.vn, tuoitre.vn ids and /yyyy/mm/dd/ paths', () => {
    expect(dateFromSourceUrl('https://baochinhphu.vn/a-b-10250315093000123.htm').finding?.date).toBe('2025-03-15');
    expect(dateFromSourceUrl('https://tuoitre.vn/a-b-20250701093000123.htm').finding?.date).toBe('2025-07-01');
    expect(dateFromSourceUrl('https://example.vn/2024/11/30/a-b.html').finding?.date).toBe('2024-11-30');
  });

  it('finds nothing where the URL holds no date, and warns about an impossible one', () => {
    expect(dateFromSourceUrl('https://nhandan.vn/a-post891670.html')).toEqual({});
    expect(dateFromSourceUrl('https://daibieunhandan.vn/a-10395341.html')).toEqual({});
    expect(dateFromSourceUrl('https://nld.com.vn/a-196251341140352663.htm').warning).toMatch(/^date: impossible date 41\/13\/2025/);
  });
});

describe('inferDateFromLead', () => {
  it('takes no date from a dateline the text goes on from: a later day, the next day, a follow-up meeting', () => {
    const lead = 'Le 14 mars, le Comité a tenu une réunion.';
    expect(inferDateFromLead(lead, 'fr', `${lead} Le 17 mars, la délégation a présenté le projet. En 2025.`)).toEqual({
      warning: 'date: dateline "14 mars" in the lead, but the text goes on to a later day ("17 mars"): the dateline is taken for the day of an event, not of publication',
    });
    expect(inferDateFromLead(lead, 'fr', `${lead} Le lendemain, la délégation est partie. En 2025.`).finding).toBeUndefined();
    expect(inferDateFromLead('10 марта комитет провёл заседание.', 'ru', 'На следующий день комитет утвердил план. В 2025 году.').finding).toBeUndefined();
    expect(inferDateFromLead('Στις 5 Μαρτίου η Επιτροπή συνεδρίασε.', 'el', 'Σε συνεδρίαση παρακολούθησης ενέκρινε το σχέδιο. Το 2025.').finding).toBeUndefined();
    // An earlier day, a day of another year, one more than a month on, or a deadline leave the dateline standing.
    expect(inferDateFromLead(lead, 'fr', `${lead} Le 2 mars, la résolution du 20 mars 2022, d'ici le 30 juin. En 2025.`).finding?.date).toBe('2025-03-14');
    expect(inferDateFromLead(lead, 'fr', `${lead} Le rapport est attendu d’ici le 20 mars et au plus tard le 25 mars. En 2025.`).finding?.date).toBe('2025-03-14');
    expect(inferDateFromLead('10 марта комитет провёл заседание.', 'ru', 'Доклад представить до 25 марта. В 2025 году.').finding?.date).toBe('2025-03-10');
    expect(inferDateFromLead('Στις 5 Μαρτίου η Επιτροπή συνεδρίασε.', 'el', 'Η έκθεση υποβάλλεται έως τις 20 Μαρτίου. Το 2025.').finding?.date).toBe('2025-03-05');
  });

  it('takes no year when the text names two years equally often', () => {
    expect(inferDateFromLead('17 марта комитет провёл встречу.', 'ru', 'В 2024 году рост. В 2025 году цель.')).toEqual({
      warning: 'date: dateline "17 марта" in the lead, but the text names 2024 and 2025 equally often (1×): no year to place it',
    });
  });

  it('reads French, Russian and Greek datelines with the most frequent year of the text', () => {
    expect(inferDateFromLead('Le 4 juillet, au siège du Comité central', 'fr', '2025 et 2025 puis 2017').finding).toEqual({
      date: '2025-07-04',
      evidence: 'inferred from the dateline "4 juillet" opening the lead\'s first sentence ("Le 4 juillet, au siège du Comité central") and the year 2025, the most frequent year in the text (2×)',
    });
    expect(inferDateFromLead('Утром 4 июля в Ханое прошла встреча', 'ru', 'в 2024 году').finding?.date).toBe('2024-07-04');
    expect(inferDateFromLead('Κιντεντόθι - Το πρωί της 30ής Νοεμβρίου, η Επιτροπή', 'el', 'το 2024').finding?.date).toBe('2024-11-30');
    expect(inferDateFromLead('Le 1er août, la ville', 'fr', '2023').finding?.date).toBe('2023-08-01');
  });

  it('uses a year written in the dateline itself', () => {
    expect(inferDateFromLead('Le 3 mars 2023, à Hanoï', 'fr', '2025 2025').finding?.date).toBe('2023-03-03');
  });

  it('does not take a start date or deadline for a dateline', () => {
    expect(inferDateFromLead("À partir du 1er juillet, l'appareil administratif à deux niveaux", 'fr', '2025')).toEqual({});
    expect(inferDateFromLead('С 1 июля двухуровневый аппарат местного самоуправления', 'ru', '2025')).toEqual({});
    expect(inferDateFromLead('Από την 1η Ιουλίου, ο μηχανισμός τοπικής αυτοδιοίκησης', 'el', '2025')).toEqual({});
    expect(inferDateFromLead('Le matin du 4 juillet, la réunion', 'fr', '2025').finding?.date).toBe('2025-07-04');
  });

  it('takes a dateline after a place, and numeric days', () => {
    expect(inferDateFromLead('Hanoï, le 4 juillet, la réunion', 'fr', '2025').finding?.date).toBe('2025-07-04');
    expect(inferDateFromLead('ХАНОЙ, 30 ноября, прошла встреча', 'ru', '2024').finding?.date).toBe('2024-11-30');
    expect(inferDateFromLead('Dans la matinée du 30/11, à Hanoï, la conférence', 'fr', '2024').finding?.date).toBe('2024-11-30');
    expect(inferDateFromLead('Le 30-11-2023, la conférence', 'fr', '2025').finding?.date).toBe('2023-11-30');
  });

  it('does not take the date of a resolution, decree or meeting the lead reports on', () => {
    expect(inferDateFromLead('La résolution n° 18-NQ/TW du 25 octobre 2017 guide la réforme', 'fr', '2025')).toEqual({});
    expect(inferDateFromLead('Lors de la réunion du 4 juillet, le Politburo a examiné', 'fr', '2025')).toEqual({});
    expect(inferDateFromLead('Постановление № 18 от 25 октября 2017 года остаётся в силе', 'ru', '2025')).toEqual({});
    expect(inferDateFromLead('Το ψήφισμα αριθ. 15-NQ/TW της 5ης Μαΐου 2022 καθορίζει', 'el', '2025')).toEqual({});
    expect(inferDateFromLead('Le décret 20/2025 du gouvernement', 'fr', '2025')).toEqual({});
  });

  it('ignores dates that are not at the start of the lead', () => {
    expect(inferDateFromLead('Les délégués ont passé en revue les résultats. Le 25 octobre 2017, le Comité central', 'fr', '2017')).toEqual({});
    expect(inferDateFromLead('Les provinces ont déployé une opération pilote entre le 20 et le 30 juin', 'fr', '2025')).toEqual({});
  });

  it('warns when there is no year to place the dateline, and about impossible days', () => {
    expect(inferDateFromLead('Le 4 juillet, la réunion', 'fr', 'aucune année').warning).toMatch(/^date: dateline "4 juillet"/);
    expect(inferDateFromLead('Le 30 février, la réunion', 'fr', '2025').warning).toMatch(/^date: impossible date/);
  });
});

describe('yearsByFrequency', () => {
  it('does not count the years of full dates, which belong to the events they date', () => {
    expect(yearsByFrequency('la résolution du 25 octobre 2017, puis du 3 mars 2017, en 2025')).toEqual([{ year: 2025, count: 1 }]);
    expect(yearsByFrequency('της 5ης Μαΐου 2022, το 2024')).toEqual([{ year: 2024, count: 1 }]);
  });

  it('counts plausible years, not parts of references or other numbers', () => {
    expect(yearsByFrequency('2024, 2024, 2025, 98/2023/QH15, 12345, 1850, 2025-2030, 2026 – 2031')).toEqual([
      { year: 2024, count: 2 },
      { year: 2025, count: 1 },
    ]);
  });
});

describe('chooseDate', () => {
  const none: DateSources = { publisherLines: [], sourceUrl: undefined, lead: undefined, lang: 'fr', fullText: '', frontMatterDate: undefined };
  const line = (printed: string) => {
    const [day, month, year] = printed.split('/').map(Number) as [number, number, number];
    return { name: 'Nhân Dân', date: { printed, day, month, year } };
  };

  it('prefers the publisher line to the source URL and the lead', () => {
    const warnings: string[] = [];
    const chosen = chooseDate({ ...none, publisherLines: [line('05/07/2025')], lead: 'Le 4 juillet, le Comité central a tenu sa réunion.', fullText: '2025' }, warnings);
    expect(chosen).toMatchObject({ finding: { date: '2025-07-05' }, source: 'publisher-line' });
    expect(warnings).toEqual([]);
  });

  it('warns about an impossible publisher date and falls back to the next source', () => {
    const warnings: string[] = [];
    const chosen = chooseDate({ ...none, publisherLines: [line('31/02/2025')], frontMatterDate: '2025-03-01' }, warnings);
    expect(chosen).toMatchObject({ finding: { date: '2025-03-01' }, source: 'inferred' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^date: /);
  });

  it('gives nothing when no source holds a date', () => {
    expect(chooseDate(none, [])).toBeUndefined();
  });
});
