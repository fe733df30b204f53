/**
 * Plans and renders a whole generated corpus: deterministic from a seed, with the mix a real
 * scrape has — three languages, translations sharing a source URL, exact duplicates and a few
 * broken files. Pure: it yields file names and bytes; the CLI writes them.
 */
import iconv from 'iconv-lite';
import { LANGS, type Lang } from '../../src/schemas/article.ts';
import { LAYOUTS, makeStory, renderArticle, type Layout } from './article.ts';
import { deriveSeed, createRng, type Rng } from '../lib/rng.ts';
import { VIETNAMESE_SENTENCES, VIETNAMESE_TITLES } from './sources.ts';

export const BROKEN_KINDS = ['empty', 'binary', 'vietnamese-only', 'windows-1251', 'windows-1253', 'crlf'] as const;
type BrokenKind = (typeof BROKEN_KINDS)[number];

/** How a file came to be; tests and reports read it, the files themselves never carry it. */
type FilePlan =
  | { kind: 'article'; story: number; lang: Lang; layout: Layout }
  | { kind: 'duplicate'; of: number }
  | { kind: 'broken'; broken: BrokenKind; story: number };

export interface GeneratedFile {
  name: string;
  bytes: Buffer;
  plan: FilePlan;
}

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** Date every story in this year (a month's new articles come after the archive's). */
  year?: number;
}

const LANG_WEIGHTS = [
  ['fr', 45],
  ['ru', 30],
  ['el', 25],
] as const;

/** Shares of files, as in a real scrape. */
const MIX = { duplicates: 0.02, broken: 0.01, translations: 0.15 } as const;

/**
 * Decides what every file will be. Files of one translation group or a duplicate land at
 * random positions, as they do in a real scrape ordered by crawl time.
 */
export function planCorpus({ articles, seed }: CorpusOptions): FilePlan[] {
  if (!Number.isInteger(articles) || articles < 1) throw new Error(`corpus: --articles must be a positive integer, got ${articles}`);
  const rng = createRng(deriveSeed(seed, 'plan'));
  const brokenCount = Math.max(articles >= 100 ? BROKEN_KINDS.length : 0, Math.round(articles * MIX.broken));
  const duplicateCount = Math.round(articles * MIX.duplicates);
  const articleSlots = articles - brokenCount - duplicateCount;
  if (articleSlots < 1) throw new Error(`corpus: ${articles} files leave no room for articles`);

  const originals: FilePlan[] = [];
  let story = 0;
  let inGroups = 0;
  while (originals.length < articleSlots) {
    const left = articleSlots - originals.length;
    // Open a translation group while groups hold less than their share of the files.
    if (left >= 2 && inGroups < (originals.length + 2) * MIX.translations) {
      const size = Math.min(left, rng.chance(0.7) ? 2 : 3);
      const langs = rng.sample(LANGS, size);
      for (const lang of langs) originals.push({ kind: 'article', story, lang, layout: rng.pick(LAYOUTS) });
      inGroups += size;
    } else {
      originals.push({ kind: 'article', story, lang: rng.weighted(LANG_WEIGHTS), layout: rng.pick(LAYOUTS) });
    }
    story++;
  }
  rng.shuffle(originals);

  const plans: FilePlan[] = [...originals];
  for (let i = 0; i < brokenCount; i++) {
    // The first six cover every kind, so even a small corpus has one of each.
    const broken = i < BROKEN_KINDS.length ? (BROKEN_KINDS[i] as BrokenKind) : rng.pick(BROKEN_KINDS);
    plans.splice(rng.int(0, plans.length), 0, { kind: 'broken', broken, story: story++ });
  }
  // Duplicates go in as placeholders; each then copies an article placed before it, as a
  // re-scrape would.
  for (let i = 0; i < duplicateCount; i++) plans.splice(rng.int(1, plans.length), 0, { kind: 'duplicate', of: -1 });
  const resolved: FilePlan[] = [];
  for (const plan of plans) {
    if (plan.kind !== 'duplicate') {
      resolved.push(plan);
      continue;
    }
    const earlier = resolved.flatMap((p, index) => (p.kind === 'article' ? [index] : []));
    resolved.push(earlier.length > 0 ? { kind: 'duplicate', of: rng.pick(earlier) } : { kind: 'article', story: story++, lang: 'fr', layout: 'nld' });
  }
  return resolved;
}

function storyRng(seed: number, story: number): Rng {
  return createRng(deriveSeed(seed, 'story', story));
}

/** Sizes between 3 and 15 KB, most around 8 KB, like the scraped files. */
function targetBytes(rng: Rng): number {
  return Math.round((rng.int(3000, 15000) + rng.int(3000, 15000)) / 2);
}

function renderPlan(plans: readonly FilePlan[], index: number, seed: number, year?: number): Buffer {
  const plan = plans[index];
  if (!plan) throw new Error(`corpus: no file ${index}`);
  const rng = createRng(deriveSeed(seed, 'file', index));
  switch (plan.kind) {
    case 'duplicate':
      return renderPlan(plans, plan.of, seed, year);
    case 'article': {
      const story = makeStory(storyRng(seed, plan.story), plan.story, year);
      return Buffer.from(renderArticle(story, { lang: plan.lang, layout: plan.layout, targetBytes: targetBytes(rng) }, rng));
    }
    case 'broken':
      return renderBroken(plan.broken, makeStory(storyRng(seed, plan.story), plan.story, year), rng);
  }
}

function renderBroken(kind: BrokenKind, story: ReturnType<typeof makeStory>, rng: Rng): Buffer {
  switch (kind) {
    case 'empty':
      return Buffer.alloc(0);
    case 'binary':
      // Starts like a JPEG that landed in the text folder.
      return Buffer.from(Array.from({ length: rng.int(500, 4000) }, (_, i) => (i < 4 ? [0xff, 0xd8, 0xff, 0xe0][i] ?? 0 : rng.int(0, 255))));
    case 'vietnamese-only': {
      const lines = [rng.pick(VIETNAMESE_TITLES), '', ...rng.sample(VIETNAMESE_SENTENCES, rng.int(4, 8)), '', `Nguồn: ${story.sourceUrl}`];
      return Buffer.from(lines.join('\n'));
    }
    case 'windows-1251':
      return iconv.encode(renderArticle(story, { lang: 'ru', layout: rng.pick(LAYOUTS), targetBytes: targetBytes(rng) }, rng), 'windows-1251');
    case 'windows-1253':
      return iconv.encode(renderArticle(story, { lang: 'el', layout: rng.pick(LAYOUTS), targetBytes: targetBytes(rng) }, rng), 'windows-1253');
    case 'crlf':
      return Buffer.from(renderArticle(story, { lang: 'fr', layout: rng.pick(LAYOUTS), targetBytes: targetBytes(rng) }, rng).replace(/\n/g, '\r\n'));
  }
}

/** File names like the scrapers': a running number and 16 hex digits. */
function fileName(index: number, seed: number, width: number): string {
  return `${String(index).padStart(width, '0')}_${createRng(deriveSeed(seed, 'name', index)).hex(16)}.txt`;
}

/** Yields the corpus file by file, so a 30,000-file corpus never sits in memory at once. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedFile> {
  const plans = planCorpus(options);
  const width = Math.max(6, String(plans.length - 1).length);
  for (let index = 0; index < plans.length; index++) {
    const plan = plans[index] as FilePlan;
    yield { name: fileName(index, options.seed, width), bytes: renderPlan(plans, index, options.seed, options.year), plan };
  }
}
