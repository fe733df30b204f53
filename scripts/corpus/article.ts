/**
 * Renders one generated article as raw text, in one of the five layouts the samples show.
 * A story (one original Vietnamese article) is language-neutral; rendering it in several
 * languages yields translations that share a source URL, as real republishers do.
 */
import type { Lang } from '../../src/schemas/article.ts';
import { BANKS, DOCUMENT_REFS, PEOPLE, THEMES, type LangBank, type Person, type Theme } from './banks.ts';
import type { Rng } from '../lib/rng.ts';
import { PUBLISHERS, VIETNAMESE_TITLES, type CorpusDate, type Publisher } from './sources.ts';
import { slugify } from '../../src/lib/slug.ts';

/** Named after the sample each one follows. */
export const LAYOUTS = ['nld', 'ninhthuan', 'daibieu', 'vietnamvn', 'kinhtedothi'] as const;
export type Layout = (typeof LAYOUTS)[number];

interface Story {
  vietnameseTitle: string;
  publisher: Publisher;
  date: CorpusDate;
  sourceUrl: string;
  themes: Theme[];
  people: Person[];
  /** Indexes into every bank's `places` (the banks list the same places in the same order). */
  places: number[];
  docs: string[];
}

const CREDITS = ['LE VINH', 'Hoang Trieu', 'P. Binh', 'Thanh Hai', 'VNA', 'Quang Vinh', 'Viet Trung', 'Nhan Dan'];

/** `id` is the story's number in the corpus; it keeps source URLs of distinct stories distinct. */
export function makeStory(rng: Rng, id: number, fixedYear?: number): Story {
  const vietnameseTitle = rng.pick(VIETNAMESE_TITLES);
  const publisher = rng.pick(PUBLISHERS);
  // Drawn even when the year is fixed, so every other field is the same either way.
  const drawnYear = rng.int(2023, 2025);
  const year = fixedYear ?? drawnYear;
  const month = rng.int(1, 12);
  const date = { year, month, day: rng.int(1, 28) };
  // Real slugs are the headline's, sometimes cut short; the id keeps them unique.
  // The URL slug Vietnamese sites derive from a headline: no diacritics, hyphens.
  const slug = slugify(vietnameseTitle).split('-').slice(0, rng.int(6, 18)).join('-');
  const placeCount = BANKS.fr.places.length;
  return {
    vietnameseTitle,
    publisher,
    date,
    sourceUrl: publisher.url(slug, date, rng, id),
    themes: rng.sample(THEMES, rng.int(1, 2)),
    people: rng.sample(PEOPLE, rng.int(1, 3)),
    places: rng.sample(
      Array.from({ length: placeCount }, (_, i) => i),
      rng.int(1, 2),
    ),
    docs: rng.sample(DOCUMENT_REFS, rng.weighted([[0, 3], [1, 4], [2, 2], [3, 1]] as const)),
  };
}

interface Ctx {
  lang: Lang;
  bank: LangBank;
  story: Story;
  rng: Rng;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function fill(template: string, ctx: Ctx): string {
  const { bank, story, rng, lang } = ctx;
  // Mostly the story's own people and places, sometimes others: real articles name several.
  const person = rng.chance(0.85) ? rng.pick(story.people) : rng.pick(PEOPLE);
  const placeIndex = rng.chance(0.85) ? rng.pick(story.places) : rng.int(0, bank.places.length - 1);
  const place = bank.places[placeIndex] ?? rng.pick(bank.places);
  const org = rng.pick(bank.orgs);
  const docRef = story.docs.length > 0 && rng.chance(0.9) ? rng.pick(story.docs) : rng.pick(DOCUMENT_REFS);
  const text = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'person':
        return person.role[lang];
      case 'name':
        return person.name[lang];
      case 'placeNom':
        return place.nom;
      case 'placeGen':
        return place.gen;
      case 'placeLoc':
        return place.loc;
      case 'orgNom':
        return org.nom;
      case 'orgGen':
        return org.gen;
      case 'doc':
        return rng.pick(bank.docPrefix) + docRef;
      case 'docBare':
        return docRef;
      case 'year':
        return String(story.date.year);
      case 'num':
        return String(rng.int(2, 28));
      default:
        throw new Error(`corpus: unknown slot {${slot}} in "${template}"`);
    }
  });
  return capitalise(text);
}

function sentence(ctx: Ctx): string {
  const { bank, story, rng } = ctx;
  const source = rng.weighted([
    ['theme', 55],
    ['general', 30],
    ['fixed', 15],
  ] as const);
  if (source === 'fixed') return rng.pick(bank.fixed);
  if (source === 'general') return fill(rng.pick(bank.general), ctx);
  return fill(rng.pick(bank.themes[rng.pick(story.themes)]), ctx);
}

function paragraph(ctx: Ctx): string {
  const { rng, bank } = ctx;
  const text = Array.from({ length: rng.int(2, 5) }, () => sentence(ctx)).join(' ');
  if (!rng.chance(0.08)) return text;
  const said = sentence(ctx);
  return `${bank.quote[0]}${text}${bank.quote[1]}, ${said.charAt(0).toLowerCase()}${said.slice(1)}`;
}

function lead(ctx: Ctx, withDateline: 'none' | 'date' | 'publisher'): string {
  const { rng, bank, story, lang } = ctx;
  const body = sentence(ctx);
  if (withDateline === 'none') return body;
  const month = bank.months[story.date.month - 1] ?? bank.months[0] ?? '';
  const date = rng.pick(bank.dateline)(story.date.day, month);
  const dated = date + body.charAt(0).toLowerCase() + body.slice(1);
  return withDateline === 'publisher' ? `${story.publisher.dateline[lang]} - ${capitalise(dated)}` : capitalise(dated);
}

function credit(ctx: Ctx): string {
  return ctx.rng.pick(ctx.bank.photoLabels) + ctx.rng.pick(CREDITS);
}

/** An image as the scrapers leave it: file name, caption with credit, or Vietnamese alt text. */
function imageLines(ctx: Ctx, photoNumber: number): string[] {
  const { rng, story, bank } = ctx;
  const lines: string[] = [];
  if (rng.chance(0.4)) {
    const person = rng.pick(story.people);
    lines.push(`${person.name.fr.toLowerCase()}${rng.chance(0.5) ? '' : ` ${rng.int(1, 9)}`}.${rng.pick(['jpg', 'jpeg', 'png', 'webp'])}`);
  }
  if (rng.chance(0.35)) {
    lines.push(`${story.vietnameseTitle}- Ảnh ${photoNumber}.`, credit(ctx));
  } else {
    lines.push(`${fill(rng.pick(bank.captions), ctx)} ${credit(ctx)}`);
  }
  return lines;
}

function publisherLine(story: Story): string {
  const d = story.date;
  const dd = String(d.day).padStart(2, '0');
  const mm = String(d.month).padStart(2, '0');
  return `${story.publisher.name}${story.publisher.name}${dd}/${mm}/${d.year}`;
}

function tagLine(ctx: Ctx): string {
  const { rng, bank, story } = ctx;
  const docTags = story.docs.map((doc) => bank.tags[0]?.replace('{doc}', doc) ?? doc);
  return [...docTags, ...rng.sample(bank.tags.slice(1), rng.int(2, 5))].join(' ');
}

/** What the republisher prints after the source line: never content. */
function chrome(ctx: Ctx, layout: Layout): string {
  const { rng, bank } = ctx;
  const headlines = rng.sample(bank.headlines, rng.int(2, 4)).join('\n');
  switch (layout) {
    case 'nld':
      return [
        bank.comment,
        'No data\nNo data',
        'Event Calendar',
        'Cùng chủ đề',
        'Cùng chuyên mục',
        'Cùng tác giả',
        'Happy VietNam',
        'Tác phẩm Ngày hè',
        rng.pick(bank.chromeWords),
        headlines,
        'No videos available',
      ].join('\n\n');
    case 'vietnamvn':
      return [
        bank.comment,
        'No data\nNo data',
        bank.sameCategory,
        `${rng.pick(bank.chromeWords)}\n${headlines}`,
        bank.sameAuthor,
        ...rng.sample(bank.chromeWords, 3),
        'No videos available',
        ...rng.sample(bank.chromeWords, rng.int(1, 4)),
      ].join('\n\n');
    default:
      return bank.comment;
  }
}

interface LayoutShape {
  siteHeader: boolean;
  title: 'none' | 'blank' | 'glued';
  publisher: 'none' | 'after-title' | 'after-lead';
  tagLines: number;
  dateline: 'none' | 'date' | 'publisher';
  /** Paragraph separator, and how often a stray extra blank line appears. */
  separator: '\n' | '\n\n';
  strayBlank: number;
  subheadings: boolean;
  images: number;
  ads: boolean;
  byline: boolean;
  afterSource: string;
}

function shapeOf(layout: Layout, rng: Rng): LayoutShape {
  switch (layout) {
    case 'nld':
      return {
        siteHeader: false,
        title: 'blank',
        publisher: 'after-title',
        tagLines: 0,
        dateline: 'none',
        separator: '\n\n',
        strayBlank: 0.15,
        subheadings: true,
        images: rng.int(1, 3),
        ads: false,
        byline: rng.chance(0.3),
        afterSource: '\n\n',
      };
    case 'ninhthuan':
      return {
        siteHeader: false,
        title: 'none',
        publisher: 'none',
        tagLines: 0,
        dateline: rng.chance(0.3) ? 'date' : 'none',
        separator: '\n',
        strayBlank: 0,
        subheadings: false,
        images: rng.int(1, 3),
        ads: rng.chance(0.2),
        byline: true,
        afterSource: '\n\n\n\n\n\n\n',
      };
    case 'daibieu':
      return {
        siteHeader: false,
        title: 'glued',
        publisher: 'none',
        tagLines: 0,
        dateline: 'none',
        separator: '\n',
        strayBlank: 0.12,
        subheadings: true,
        images: 0,
        ads: rng.chance(0.2),
        byline: rng.chance(0.3),
        afterSource: '\n\n\n\n\n\n\n',
      };
    case 'vietnamvn':
      return {
        siteHeader: true,
        title: 'blank',
        publisher: 'after-lead',
        tagLines: rng.pick([1, 2, 2]),
        dateline: 'date',
        separator: '\n\n',
        strayBlank: 0,
        subheadings: rng.chance(0.5),
        images: rng.int(0, 2),
        ads: rng.chance(0.2),
        byline: true,
        afterSource: '\n\n\n',
      };
    case 'kinhtedothi':
      return {
        siteHeader: false,
        title: 'none',
        publisher: 'none',
        tagLines: 0,
        dateline: 'publisher',
        separator: '\n',
        strayBlank: 0,
        subheadings: true,
        images: rng.int(0, 1),
        ads: true,
        byline: rng.chance(0.3),
        afterSource: '\n',
      };
  }
}

interface RenderOptions {
  lang: Lang;
  layout: Layout;
  /** Approximate size of the whole file in UTF-8 bytes. */
  targetBytes: number;
}

export function renderArticle(story: Story, options: RenderOptions, rng: Rng): string {
  const { lang, layout } = options;
  const bank = BANKS[lang];
  const ctx: Ctx = { lang, bank, story, rng };
  const shape = shapeOf(layout, rng);
  const head: string[] = [];
  if (shape.siteHeader) head.push('Vietnam.vn - Nền tảng quảng bá Việt Nam', '');
  const title = fill(rng.pick(bank.titles), ctx);
  if (shape.title !== 'none') head.push(title, ...(shape.title === 'blank' ? [''] : []));
  if (shape.publisher === 'after-title') head.push(publisherLine(story), '');
  const leadText = lead(ctx, shape.dateline);
  if (shape.publisher === 'after-lead') {
    head.push(leadText, '', publisherLine(story), '', '', '', '');
    const tags = tagLine(ctx);
    for (let i = 0; i < shape.tagLines; i++) head.push(tags, '');
  }

  const blocks: string[] = shape.publisher === 'after-lead' ? [] : [leadText];
  const tail = sourceBlock(ctx, shape, layout);
  let bytes = Buffer.byteLength(head.join('\n') + leadText + tail);
  let photo = 1;
  let sinceHeading = 0;
  const imageSlots = new Set(Array.from({ length: shape.images }, () => rng.int(1, 8)));
  let adNumber = 1;
  while (bytes < options.targetBytes) {
    let block: string;
    if (shape.subheadings && sinceHeading >= 4 && rng.chance(0.3)) {
      block = fill(rng.pick(bank.subheadings), ctx);
      sinceHeading = 0;
    } else if (imageSlots.has(blocks.length)) {
      imageSlots.delete(blocks.length);
      block = imageLines(ctx, ++photo).join(shape.separator);
    } else if (shape.ads && rng.chance(0.06)) {
      block = `[${bank.ad}_${++adNumber}]`;
    } else {
      block = paragraph(ctx);
      sinceHeading++;
    }
    blocks.push(block);
    bytes += Buffer.byteLength(block) + shape.separator.length;
  }
  const body = blocks.map((block, i) => (i > 0 && rng.chance(shape.strayBlank) ? `\n${block}` : block)).join(shape.separator);
  return [...head, body].join('\n') + tail;
}

function sourceBlock(ctx: Ctx, shape: LayoutShape, layout: Layout): string {
  const { rng, bank, story } = ctx;
  const sep = shape.separator === '\n\n' ? '\n\n' : '\n';
  let out = '';
  if (shape.byline) out += sep + rng.pick(bank.bylines);
  // A few files lose their source line; the ingest must cope.
  if (rng.chance(0.97)) out += (layout === 'nld' ? '\n\n\n\n' : sep) + bank.sourceLabel + story.sourceUrl;
  return out + shape.afterSource + chrome(ctx, layout);
}
