import type { Lang } from '../schemas/article.ts';
import type { ArticleRecord } from './article-record.ts';
import { LANGS, perLang } from '../schemas/article.ts';
import type { TopicKind } from '../schemas/topic.ts';
import { documentTopicSlug } from '../schemas/topic.ts';
import { groupPublishers, type PublisherGroup } from './publishers.ts';
import { compareStrings, sortNewestFirst } from './sort.ts';
import { compareVersions, groupTranslations } from './translations.ts';

/** What the site needs to show a topic; curated topics and document topics alike. */
export interface TopicInfo {
  slug: string;
  kind: TopicKind;
  labels: { en: string; fr: string; ru: string; el: string };
  description: string;
}

export interface TopicSummary extends TopicInfo {
  count: number;
  countsByLang: Record<Lang, number>;
}

export type PublisherSummary = PublisherGroup;

export interface ArchiveIndex {
  /** Every article, newest first, undated last. */
  all: ArticleRecord[];
  byId: Map<string, ArticleRecord>;
  byLang: Map<Lang, ArticleRecord[]>;
  byTopic: Map<string, ArticleRecord[]>;
  topics: Map<string, TopicSummary>;
  byPublisher: Map<string, PublisherSummary>;
  /** The publisher page an article belongs to. */
  publisherOf: (id: string) => PublisherSummary | undefined;
  /** `2025` -> articles; only dated ones. */
  byYear: Map<string, ArticleRecord[]>;
  /** `2025-01` -> articles. */
  byMonth: Map<string, ArticleRecord[]>;
  undated: ArticleRecord[];
  /** The other language versions of an article (same translationKey), in LANGS order. */
  translationsOf: (id: string) => ArticleRecord[];
  /** A few articles sharing topics with this one, each list made once, when first asked for. */
  relatedTo: (id: string) => ArticleRecord[];
  dateRange?: { from: string; to: string };
}

/** Related articles shown per article. */
export const RELATED_COUNT = 5;
/**
 * Candidates examined per shared topic: the articles just older than this one (for an undated
 * article, the topic's oldest). A broad topic can hold most of the archive; a bounded scan
 * keeps building "related" linear in its size.
 */
const RELATED_SCAN_PER_TOPIC = 200;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const emptyCounts = (): Record<Lang, number> => perLang(() => 0);

/**
 * Every index the pages need, built in one pass (related articles when asked for), so no
 * page ever scans the whole archive. `curated` are the topics of content/topics.yaml;
 * `documentTopic` makes a topic from a document reference such as `18-NQ/TW`.
 */
export function buildArchiveIndex(
  entries: readonly ArticleRecord[],
  curated: readonly TopicInfo[],
  documentTopic: (reference: string) => TopicInfo,
): ArchiveIndex {
  const all = sortNewestFirst(entries);
  const byId = new Map<string, ArticleRecord>();
  const byLang = new Map<Lang, ArticleRecord[]>(LANGS.map((lang) => [lang, []]));
  const byTopic = new Map<string, ArticleRecord[]>();
  const byYear = new Map<string, ArticleRecord[]>();
  const byMonth = new Map<string, ArticleRecord[]>();
  const undated: ArticleRecord[] = [];
  const curatedBySlug = new Map(curated.map((t) => [t.slug, t]));
  const documentRefBySlug = new Map<string, string>();

  for (const article of all) {
    if (byId.has(article.id)) throw new Error(`two entries share the id ${article.id}`);
    byId.set(article.id, article);
    byLang.get(article.lang)?.push(article);
    for (const ref of article.documentRefs) {
      const slug = documentTopicSlug(ref);
      if (!documentRefBySlug.has(slug)) documentRefBySlug.set(slug, ref);
    }
    for (const slug of new Set(article.topics)) push(byTopic, slug, article);
    if (article.date) {
      push(byYear, article.date.slice(0, 4), article);
      push(byMonth, article.date.slice(0, 7), article);
    } else undated.push(article);
  }

  const topics = new Map<string, TopicSummary>();
  for (const [slug, articles] of [...byTopic].sort(([a], [b]) => compareStrings(a, b))) {
    let info = curatedBySlug.get(slug);
    if (!info && slug.startsWith('doc-')) {
      const ref = documentRefBySlug.get(slug);
      if (ref === undefined) throw new Error(`article ${articles[0]?.id}: document topic ${slug} matches none of its documentRefs`);
      info = documentTopic(ref);
    }
    if (!info) throw new Error(`article ${articles[0]?.id}: topic ${slug} is not defined in content/topics.yaml`);
    const countsByLang = emptyCounts();
    for (const a of articles) countsByLang[a.lang] += 1;
    topics.set(slug, { ...info, count: articles.length, countsByLang });
  }

  const byTranslationKey = groupTranslations(all);
  for (const group of byTranslationKey.values()) group.sort(compareVersions);

  const byPublisher = groupPublishers(all);
  const publisherById = new Map<string, PublisherSummary>();
  for (const publisher of byPublisher.values()) for (const article of publisher.articles) publisherById.set(article.id, publisher);

  const relatedTo = relatedFinder(all);
  const dated = all.filter((a) => a.date !== undefined);
  const newest = dated[0]?.date;
  const oldest = dated[dated.length - 1]?.date;

  return {
    all,
    byId,
    byLang,
    byTopic,
    topics,
    byPublisher: new Map([...byPublisher].sort(([a], [b]) => compareStrings(a, b))),
    publisherOf: (id) => publisherById.get(id),
    byYear,
    byMonth,
    undated,
    translationsOf: (id) => {
      const article = byId.get(id);
      if (!article) return [];
      return (byTranslationKey.get(article.translationKey) ?? []).filter((a) => a.id !== id);
    },
    relatedTo,
    ...(newest && oldest ? { dateRange: { from: oldest, to: newest } } : {}),
  };
}

/**
 * Articles sharing topics, weighted so a rare shared topic (a specific resolution) counts
 * more than a common one (the Party); other language versions of the same original are left
 * out, since "Other languages" already lists them. Ties go to the newer article, then the id.
 *
 * A dated article's candidates are the dated articles older than it, and a topic's weight is
 * counted among them too: its list depends on nothing newer than itself, so adding the day's
 * articles never changes an existing article's page.
 *
 * An undated article's candidates are the oldest dated articles of its topics, with a topic's
 * weight counted over the dated articles its candidates span. Its list depends on the oldest
 * end of each topic, ties going to the older article: no undated arrival changes an existing
 * page, and a dated one only if it is among the RELATED_SCAN_PER_TOPIC oldest of a topic. Were
 * undated texts related among themselves, by id, each undated arrival would enter the lists
 * of the undated articles sorting before it wherever its id fell.
 *
 * Each article's list is made when first asked for: a build that renders a few article pages
 * and reuses the other pages' keys (src/lib/route-table.ts) asks for a few lists, not for
 * every article's (at 100,000 articles, 6 s).
 */
function relatedFinder(all: readonly ArticleRecord[]): (id: string) => ArticleRecord[] {
  const related = new Map<string, ArticleRecord[]>();
  let find: ((id: string) => ArticleRecord[]) | undefined;
  return (id) => {
    let list = related.get(id);
    if (!list) related.set(id, (list = (find ??= relatedScan(all))(id)));
    return list;
  };
}

/** The scan behind relatedFinder: what every article's list needs, made once, and the list of one article. */
function relatedScan(all: readonly ArticleRecord[]): (id: string) => ArticleRecord[] {
  // `all` is dated newest first, then undated by id: the dated articles are ranks below
  // `dated`, and no list holds an undated article.
  const order = all;
  const total = order.length;
  const firstUndated = order.findIndex((a) => a.date === undefined);
  const dated = firstUndated === -1 ? total : firstUndated;
  const rank = new Map(order.map((a, i) => [a.id, i]));
  // Ranks instead of ids, and one score array reused for every article: this pass visits up to
  // RELATED_SCAN_PER_TOPIC candidates per topic of every article, so allocation and sorting
  // here made up most of the index build on large archives. Each topic's ranks ascend, so an
  // article finds its own place in a topic by binary search. They are listed in one pass over
  // the ranks: mapping each topic's records to their ranks through the id map took 2 s at
  // 100,000 articles, on every build that makes one article's page.
  const lists = new Map<string, number[]>();
  order.forEach((article, at) => {
    for (const slug of new Set(article.topics)) push(lists, slug, at);
  });
  const topicRanks = new Map([...lists].map(([slug, list]) => [slug, Int32Array.from(list)]));
  const scores = new Float64Array(total);
  // Each rank's original as a number: the scan below compares it for every candidate, and
  // reading the candidate's record instead (one of 100,000 objects, anywhere in the heap)
  // made this pass wait on memory for most of its time on large archives.
  const originals = new Map<string, number>();
  const originalOf = Int32Array.from(order, (a) => {
    let n = originals.get(a.translationKey);
    if (n === undefined) originals.set(a.translationKey, (n = originals.size));
    return n;
  });
  return (id) => {
    const own = rank.get(id);
    if (own === undefined) return [];
    const article = order[own] as ArticleRecord;
    const original = originalOf[own];
    const touched: number[] = [];
    for (const slug of new Set(article.topics)) {
      const ranks = topicRanks.get(slug);
      if (!ranks) continue;
      const inDated = lowerBound(ranks, dated);
      let start: number;
      let end: number;
      let w: number;
      if (own < dated) {
        // The topic's articles just older than this one; the weight: how rare the topic is
        // among everything from this article to the oldest.
        const at = lowerBound(ranks, own);
        start = at + 1;
        end = Math.min(inDated, start + RELATED_SCAN_PER_TOPIC);
        w = Math.log(1 + (dated - own) / (inDated - at));
      } else {
        // The topic's oldest dated articles; the weight: how many dated articles they span
        // per article of the topic, from the newest of them to the oldest.
        start = Math.max(0, inDated - RELATED_SCAN_PER_TOPIC);
        end = inDated;
        if (start === end) continue;
        w = Math.log(1 + (dated - (ranks[start] as number)) / (end - start));
      }
      for (let i = start; i < end; i++) {
        const other = ranks[i] as number;
        if (originalOf[other] === original) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = (scores[other] ?? 0) + w;
      }
    }
    const best = topRanks(touched, scores, RELATED_COUNT, own >= dated).map((r) => order[r] as ArticleRecord);
    for (const r of touched) scores[r] = 0;
    return best;
  };
}

/** The first index whose value is at least `value`, in an ascending array. */
function lowerBound(values: Int32Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The `count` best ranks by score, ties to the lower rank (the newer article) or, `olderFirst`, the higher, in one pass. */
function topRanks(candidates: readonly number[], scores: Float64Array, count: number, olderFirst: boolean): number[] {
  const best: number[] = [];
  const beats = (a: number, b: number) => (scores[a] ?? 0) > (scores[b] ?? 0) || ((scores[a] ?? 0) === (scores[b] ?? 0) && (olderFirst ? a > b : a < b));
  for (const candidate of candidates) {
    if (best.length === count && !beats(candidate, best[count - 1] as number)) continue;
    let at = best.length;
    while (at > 0 && beats(candidate, best[at - 1] as number)) at--;
    best.splice(at, 0, candidate);
    if (best.length > count) best.pop();
  }
  return best;
}
