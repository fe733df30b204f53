/**
 * Well-formed raw files whose field values are unusual but valid: publishers, titles and
 * source URLs in any script or in none, invisible controls, internationalised and
 * percent-encoded URLs, far dates, a title at the schema's length limit. Each such file must
 * become an article, and every article the schema accepts must build into pages; the mutation
 * generators in corpus.ts cover the broken files. Pure: a sample and a seeded rng in, bytes out.
 */
import { TITLE_MAX } from '../../src/schemas/article.ts';
import type { Rng } from '../lib/rng.ts';

interface ValueContext {
  rng: Rng;
  /** The sample's text; its long lines give body paragraphs in the sample's language. */
  text: string;
}

/** Names in many scripts, names that slugify to nothing, and spellings of one name that must stay one publisher. */
const ODD_NAMES: readonly string[] = [
  'Νέα',
  'ΝΈΑ',
  'Ne\u0301a',
  'Новости',
  'НОВОСТИ',
  'Известия',
  'Người Lao Động',
  'NGƯỜI LAO ĐỘNG',
  'Nhân Dân',
  'Báo Nhân dân',
  '人民日报',
  '新华社',
  'الأهرام',
  'הארץ',
  'दैनिक जागरण',
  'ข่าวสด',
  'Ⓝⓔⓦⓢ',
  'Ｎｅｗｓ',
  'Straße Zeitung',
  'STRASSE ZEITUNG',
  'İstanbul Haber',
  'Ω Ω',
];

const HOSTS: readonly string[] = ['nhandan.vn', 'nld.com.vn', 'baomoi.example', 'tin-tuc.example.vn'];

/** Source URLs that must canonicalise and slug without trouble, including pairs that end in the same slug. */
export const ODD_URLS: readonly string[] = [
  'https://báo.vn/bài-viết-đặc-biệt.html',
  'https://новости.рф/статья/политика.html',
  'https://ειδήσεις.gr/άρθρο/πολιτική',
  'https://xn--80ak6aa92e.com/news/1',
  'https://nhandan.vn/ti%E1%BA%BFp-t%E1%BB%A5c-n%E1%BB%97-l%E1%BB%B1c-post1.html',
  'https://nhandan.vn/%F0%9F%93%B0%F0%9F%93%B0.html',
  'https://nhandan.vn/%E2%98%85%E2%98%85%E2%98%85/',
  'https://nhandan.vn/%ZZ-broken-escape.html',
  'https://tin-tuc.example.vn/a/same-slug.html',
  'https://tin-tuc.example.vn/b/same-slug.html',
  'https://baomoi.example/same-slug.html',
  'https://nhandan.vn/',
  'https://nhandan.vn/index.html?id=1&utm_source=x',
  `https://nhandan.vn/${'tres-long-segment-'.repeat(40)}post2.html`,
  'https://nhandan.vn/日本語のタイトル-post3.html',
];

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const BIDI = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c'];

/** Titles in any script, of symbols or emoji only, and ones no slug can be made from. */
const oddTitles = (ctx: ValueContext): string[] => [
  '★★★ ☆☆☆',
  '🔥🚀📰',
  '👨‍👩‍👧‍👦 🇻🇳',
  '!!! ??? ...',
  '— – -',
  '中华人民共和国 越南 新闻',
  'تعزيز التعاون بين البلدين',
  'שיתוף פעולה בין המדינות',
  'ⅦⅧ ⅸ ⅹ',
  '∑∫√∞ ≠ ≈',
  `${'Ω'.repeat(3)} ${'Ж'.repeat(3)}`,
  longTitle(ctx),
];

/** Words of the sample's own lines, so a long title reads as the file's language. */
function words(ctx: ValueContext): string[] {
  return ctx.text.split(/\s+/).filter((word) => /^\p{L}{3,}$/u.test(word));
}

/** A title exactly at the schema's limit, made of whole words of the sample, without final punctuation. */
export function longTitle(ctx: ValueContext): string {
  const pool = words(ctx);
  let title = pool[0] ?? 'Titre';
  for (let i = 1; title.length < TITLE_MAX; i++) title += ` ${pool[i % pool.length] ?? 'mot'}`;
  return title.slice(0, TITLE_MAX).trimEnd();
}

/** Body paragraphs in the sample's language: its longest lines that are not a source line. */
function paragraphs(ctx: ValueContext): string[] {
  const lines = ctx.text.split('\n').filter((line) => line.length > 150 && !/https?:/.test(line));
  return lines.sort((a, b) => b.length - a.length).slice(0, 3);
}

/** The sample's own source label, so the file stays in one language. */
function sourceLabel(ctx: ValueContext): string {
  return /^\s*(Source|Источник|Πηγή)\s*:/mu.exec(ctx.text)?.[1] ?? 'Source';
}

function sprinkle(rng: Rng, text: string, marks: readonly string[]): string {
  const chars = [...text];
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) chars.splice(rng.below(chars.length + 1), 0, rng.pick(marks));
  return chars.join('');
}

interface Fields {
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function randomDate(rng: Rng): string {
  return `${pad(rng.int(1, 28))}/${pad(rng.int(1, 12))}/${rng.int(2015, 2025)}`;
}

/** A file laid out as docs/raw-format.md describes, with the given field values. */
export function layout(ctx: ValueContext, fields: Fields): string {
  const lines: string[] = [];
  if (fields.title !== undefined) lines.push(fields.title, '');
  if (fields.publisher !== undefined) lines.push(`${fields.publisher}${fields.publisher}${fields.date ?? randomDate(ctx.rng)}`, '');
  for (const paragraph of paragraphs(ctx)) lines.push(paragraph, '');
  if (fields.url !== undefined) lines.push(`${sourceLabel(ctx)} : ${fields.url}`, '');
  lines.push('Comment (0)', '');
  return lines.join('\n');
}

type ValueGenerator = (ctx: ValueContext) => string;

export const VALUE_GENERATORS: Record<string, { weight: number; make: ValueGenerator }> = {
  'odd-publisher': {
    weight: 3,
    make: (ctx) => {
      const { rng } = ctx;
      const url = rng.next() < 0.5 ? `https://${rng.pick(HOSTS)}/fuzz-${rng.below(1000)}-post${rng.below(10_000)}.html` : undefined;
      return layout(ctx, { title: rng.pick(oddTitles(ctx).slice(5, 8)), publisher: rng.pick(ODD_NAMES), ...(url ? { url } : {}) });
    },
  },
  'odd-title': {
    weight: 3,
    make: (ctx) => layout(ctx, { title: ctx.rng.pick(oddTitles(ctx)), publisher: ctx.rng.pick(ODD_NAMES) }),
  },
  'long-title': {
    weight: 1,
    make: (ctx) => layout(ctx, { title: longTitle(ctx), url: `https://nhandan.vn/long-title-post${ctx.rng.below(100_000)}.html` }),
  },
  'odd-url': {
    weight: 3,
    make: (ctx) => layout(ctx, { title: ctx.rng.pick(oddTitles(ctx)), url: ctx.rng.pick(ODD_URLS) }),
  },
  'odd-date': {
    weight: 2,
    make: (ctx) =>
      layout(ctx, {
        title: ctx.rng.pick(oddTitles(ctx)),
        publisher: ctx.rng.pick(ODD_NAMES),
        date: ctx.rng.pick(['01/01/1900', '31/12/2100', '29/02/2096', '29/02/2100', '01/01/0001', '31/12/9999', '00/00/2025', '32/13/2025']),
      }),
  },
  'invisible-controls': {
    weight: 3,
    make: (ctx) => {
      const { rng } = ctx;
      const marks = rng.pick([ZERO_WIDTH, BIDI, [...ZERO_WIDTH, ...BIDI]]);
      const text = layout(ctx, {
        title: sprinkle(rng, rng.pick(oddTitles(ctx).slice(0, 11)), marks),
        publisher: sprinkle(rng, rng.pick(ODD_NAMES), marks),
        url: sprinkle(rng, rng.pick(ODD_URLS), marks),
      });
      return sprinkle(rng, text, marks);
    },
  },
};
