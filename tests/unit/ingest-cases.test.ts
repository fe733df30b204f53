import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLabels } from '../../scripts/eval/labels.ts';
import { formatMisses, scoreLabelled } from '../../scripts/eval/score.ts';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import { ingestFile } from '../../src/ingest/pipeline.ts';

/**
 * Extraction cases the five samples do not show, one fixture each, with the field values it
 * must give. `body` lists text that must not reach the article body (a label, a URL, a title).
 */
interface Case {
  fixture: string;
  what: string;
  fields: Partial<Article>;
  notInBody?: string[];
  /** Start of the first body paragraph. */
  bodyStarts?: string;
  /** The date is inferred: its evidence quotes this start of the sentence it came from. */
  evidenceQuotes?: string;
}

const CASES: Case[] = [
  {
    fixture: 'source-glued-byline.txt',
    what: 'a byline glued to the source label, no space between',
    fields: { sourceUrl: 'https://baoninhthuan.com.vn/news/150900p24c32/bilan-appareil.htm', byline: 'Diem My', publisher: { name: 'Báo Ninh Thuận', domain: 'baoninhthuan.com.vn' } },
    notInBody: ['Source', 'Diem My', 'https://'],
  },
  {
    fixture: 'source-glued-paragraph.txt',
    what: 'the last paragraph glued to the source label',
    fields: { sourceUrl: 'https://nhandan.vn/bilan-appareil-post900100.html' },
    notInBody: ['Source', 'https://', 'Comment (0)'],
  },
  {
    fixture: 'source-label-lien.txt',
    what: 'the label "Lien" (link), then site chrome',
    fields: { sourceUrl: 'https://nhandan.vn/bilan-appareil-post900101.html', publisher: { name: 'Báo Nhân dân', domain: 'nhandan.vn' } },
    notInBody: ['Lien', 'https://', 'Belle image', 'Commentaire'],
  },
  {
    fixture: 'source-label-ssylka.txt',
    what: 'the Russian label "Ссылка" (link)',
    fields: { lang: 'ru', sourceUrl: 'https://daibieunhandan.vn/politburo-itogi-10395401.html', publisher: { name: 'Đại biểu Nhân dân', domain: 'daibieunhandan.vn' } },
    notInBody: ['Ссылка', 'https://'],
  },
  {
    fixture: 'source-label-syndesmos.txt',
    what: 'the Greek label "Σύνδεσμος" (link)',
    fields: { lang: 'el', sourceUrl: 'https://kinhtedothi.vn/politburo-apologismos.html', publisher: { name: 'Kinh tế & Đô thị', domain: 'kinhtedothi.vn' } },
    notInBody: ['Σύνδεσμος', 'https://'],
  },
  {
    fixture: 'source-unknown-label.txt',
    what: 'a label in no list ("Bài viết gốc", original article) before the last URL of the text',
    fields: { sourceUrl: 'https://daibieunhandan.vn/bilan-appareil-10395400.html' },
    notInBody: ['gốc', 'https://'],
  },
  {
    fixture: 'source-label-own-line.txt',
    what: 'the label on one line, the URL alone on the next',
    fields: { sourceUrl: 'https://kinhtedothi.vn/bilan-appareil.html', publisher: { name: 'Kinh tế & Đô thị', domain: 'kinhtedothi.vn' } },
    notInBody: ['Nguồn', 'https://'],
  },
  {
    fixture: 'url-inside-article.txt',
    what: 'a URL in the middle of the article, with text after it, is not the source',
    fields: { title: 'Le portail des services publics ouvre de nouvelles démarches en ligne' },
  },
  {
    fixture: 'long-title.txt',
    what: 'a title line of 230 characters above the publisher line',
    fields: {
      title:
        "Le Bureau politique et le Secrétariat demandent aux comités du Parti des provinces et des villes de revoir d'urgence l'affectation des cadres, des fonctionnaires et des employés publics dans les communes, les quartiers et les zones spéciales",
      titleSource: 'file',
      date: '2025-07-05',
      dateSource: 'publisher-line',
    },
    bodyStarts: 'Le secrétaire général a présidé',
  },
  {
    fixture: 'long-title-no-publisher.txt',
    what: 'a title line of 480 characters, no publisher line, no blank line after it',
    fields: { titleSource: 'file' },
    bodyStarts: 'Le secrétaire général a présidé',
  },
  {
    fixture: 'event-date-resolution.txt',
    what: "a resolution's date opening the lead is not the publication date",
    fields: { date: undefined, dateSource: undefined, titleSource: 'derived' },
  },
  {
    fixture: 'event-date-meeting.txt',
    what: "a meeting's date (\"На заседании 4 июля\") is not the publication date",
    fields: { lang: 'ru', date: undefined, dateSource: undefined },
  },
  {
    fixture: 'dateline-numeric.txt',
    what: 'a numeric dateline ("Le matin du 30/11"); years of full event dates do not place it',
    fields: { date: '2024-11-30', dateSource: 'inferred' },
    evidenceQuotes: 'Le matin du 30/11, à Hanoï, le Comité du Parti',
  },
  {
    fixture: 'dateline-over-event-dates.txt',
    what: 'a dateline wins over the resolution dates in the same sentence, whose years do not count',
    fields: { lang: 'el', date: '2025-03-12', dateSource: 'inferred' },
    evidenceQuotes: 'Το απόγευμα της 12ης Μαρτίου, η Επιτροπή',
  },
  {
    fixture: 'publisher-greek-no-source.txt',
    what: 'a publisher named in Greek letters, no source URL',
    fields: { lang: 'el', publisher: { name: 'Νέα' }, date: '2025-03-12', dateSource: 'publisher-line', sourceUrl: undefined },
  },
  {
    fixture: 'publisher-known-no-source.txt',
    what: "a known publisher's name in capitals, no source URL: its domain all the same",
    fields: { publisher: { name: 'BÁO NHÂN DÂN', domain: 'nhandan.vn' }, sourceUrl: undefined },
  },
];

describe('extraction cases beyond the samples', () => {
  it.each(CASES)('$fixture: $what', ({ fixture, fields, notInBody = [], bodyStarts, evidenceQuotes }) => {
    const result = ingestFile(readFileSync(`tests/fixtures/ingest/${fixture}`), fixture, []);
    const article = result.article;
    if (!article) throw new Error(`${fixture} was not kept: ${result.reason}`);
    expect(articleSchema.safeParse(article).success).toBe(true);
    for (const [field, value] of Object.entries(fields)) expect(article[field as keyof Article], field).toEqual(value);
    const body = article.body.map((block) => block.text).join('\n');
    for (const text of notInBody) expect(body).not.toContain(text);
    expect(article.body.map((block) => block.text)).not.toContain(article.title);
    if (bodyStarts) expect(article.body[0]?.text.startsWith(bodyStarts)).toBe(true);
    if (evidenceQuotes) expect(article.dateEvidence).toContain(`("${evidenceQuotes}`);
  });

  it('derives a title that ends on a whole word and says it is derived', () => {
    const article = ingestFile(readFileSync('tests/fixtures/ingest/event-date-resolution.txt'), 'x.txt', []).article;
    expect(article?.titleSource).toBe('derived');
    expect(article?.title).toBe('La résolution n° 18-NQ/TW du 25 octobre 2017 du 12e Comité central du Parti continue de guider la…');
  });
});

/**
 * The classes of layout the samples do not show, one labelled file per layout and language
 * (tests/fixtures/eval/, labelled in labels.yaml, scored by `npm run eval`): lines above the
 * headline that are not the headline (kicker, category, byline, masthead, language switcher);
 * publisher lines with other date formats (ISO, dotted, month names, a time, a weekday, an
 * "updated" stamp); datelines that are the day of an event the text goes on from, or whose
 * year the text leaves open; source URLs wrapped onto the next line; template placeholders
 * and a switcher's repeated site name. Each file must give every labelled field.
 */
describe('extraction classes, in French, Russian and Greek', () => {
  const labels = readLabels('tests/fixtures/eval/labels.yaml').filter((label) => label.class !== 'sample' && label.class !== 'case');

  it.each(labels.map((label) => [label.class, label.file, label] as const))('%s: %s', (_class, _file, label) => {
    const { misses } = scoreLabelled('.', [label]);
    expect(formatMisses(misses)).toBe('');
  });

  it('groups the translations of one original, and only them', () => {
    const { tallies, misses } = scoreLabelled('.', labels);
    expect(formatMisses(misses.filter((miss) => miss.field === 'groups'))).toBe('');
    expect(tallies.groups.n).toBeGreaterThanOrEqual(30);
  });

  it('says how a title under a kicker was chosen, in the entry and its warnings', () => {
    const article = ingestFile(readFileSync('tests/fixtures/eval/kicker-fr.txt'), 'k.txt', []).article;
    expect(article?.titleEvidence).toContain('"Vers le 14e Congrès national du Parti"');
    expect(article?.warnings).toContain('title: "Vers le 14e Congrès national du Parti" above the headline taken for a kicker, category, byline or masthead');
  });

  it('gives a byline found above the headline', () => {
    expect(ingestFile(readFileSync('tests/fixtures/eval/byline-fr.txt'), 'b.txt', []).article?.byline).toBe('Tran Thi Lan');
  });

  it('says why a dateline was not taken for the publication date', () => {
    expect(ingestFile(readFileSync('tests/fixtures/eval/event-later-day-fr.txt'), 'e.txt', []).warnings).toContain(
      'date: dateline "14 mars" in the lead, but the text goes on to a later day ("17 mars"): the dateline is taken for the day of an event, not of publication',
    );
    expect(ingestFile(readFileSync('tests/fixtures/eval/term-year-ru.txt'), 't.txt', []).warnings).toContain(
      'date: dateline "17 марта" in the lead, but the text names 2024 and 2025 equally often (2×): no year to place it',
    );
  });

  it('says when a wrapped source URL was joined, and when a placeholder stood for the date', () => {
    expect(ingestFile(readFileSync('tests/fixtures/eval/wrapped-url-fr.txt'), 'w.txt', []).warnings).toContain(
      'source: the URL ran on to line 14 and was joined: https://nhandan.vn/mat-tran-to-quoc-phat-dong-ung-ho-dong-bao-bi-anh-huong-lu-lut-post870222.html',
    );
    expect(ingestFile(readFileSync('tests/fixtures/eval/placeholder-ru.txt'), 'p.txt', []).warnings).toContain(
      'date: the publisher line holds an unrendered template placeholder (DNUM_CEZADZCACF) where its date should be',
    );
  });
});
