import type { ArticleRecord } from './article-record.ts';
import { urlSegment } from './slug.ts';

/**
 * Publisher identity. A publisher is known by its domain when any of its articles gives one,
 * else by its name compared after NFC normalisation and case folding, so `Νέα`, `ΝΈΑ` and a
 * decomposed `Νέα` are one publisher, and a name seen with a domain in one file and alone in
 * another is one publisher too.
 */

/**
 * Unicode case folding as far as JavaScript offers it: NFC, then upper and lower case (which
 * folds ß to ss and İ to i̇ as full folding does), and final ς to σ.
 */
export function caseFold(text: string): string {
  return text.normalize('NFC').toUpperCase().toLowerCase().replace(/ς/g, 'σ').normalize('NFC').trim().replace(/\s+/g, ' ');
}

export interface PublisherGroup {
  /** The URL segment of the publisher's page. */
  slug: string;
  /** The name its articles print most often (ties: the first in the given order). */
  name: string;
  domain?: string;
  articles: ArticleRecord[];
}

type Published = ArticleRecord & { publisher: NonNullable<ArticleRecord['publisher']> };

const count = <K>(map: Map<K, number>, key: K): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

/** The key with the highest count; ties to the first inserted. */
function mostFrequent<K>(counts: Map<K, number>): K | undefined {
  let best: K | undefined;
  let bestCount = 0;
  for (const [key, n] of counts) if (n > bestCount) [best, bestCount] = [key, n];
  return best;
}

/**
 * Groups articles by publisher, one group per publisher page, in the order the articles are
 * given. A name seen with several domains joins the domain it is seen with most often.
 */
export function groupPublishers(articles: readonly ArticleRecord[]): Map<string, PublisherGroup> {
  const published = articles.filter((a): a is Published => a.publisher !== undefined);
  const domainsByName = new Map<string, Map<string, number>>();
  for (const { publisher } of published) {
    if (publisher.domain === undefined) continue;
    const key = caseFold(publisher.name);
    const domains = domainsByName.get(key) ?? new Map<string, number>();
    domainsByName.set(key, domains);
    count(domains, caseFold(publisher.domain));
  }

  const groups = new Map<string, { domain?: string; names: Map<string, number>; articles: ArticleRecord[] }>();
  for (const article of published) {
    const { name, domain } = article.publisher;
    const resolved = domain !== undefined ? caseFold(domain) : mostFrequent(domainsByName.get(caseFold(name)) ?? new Map());
    const identity = resolved !== undefined ? `domain:${resolved}` : `name:${caseFold(name)}`;
    let group = groups.get(identity);
    if (!group) {
      group = { ...(resolved !== undefined ? { domain: resolved } : {}), names: new Map(), articles: [] };
      groups.set(identity, group);
    }
    count(group.names, name.normalize('NFC'));
    group.articles.push(article);
  }

  // Two identities can still slug alike (`Bao Nhan dan` and `Báo Nhân dân`): they share the page.
  const bySlug = new Map<string, PublisherGroup>();
  let merged = false;
  for (const [identity, group] of groups) {
    const name = mostFrequent(group.names) ?? '';
    const slug = urlSegment(group.domain ?? identity.slice('name:'.length));
    const page = bySlug.get(slug);
    if (page) {
      page.articles.push(...group.articles);
      merged = true;
    } else bySlug.set(slug, { slug, name, ...(group.domain !== undefined ? { domain: group.domain } : {}), articles: group.articles });
  }
  if (merged) {
    const order = new Map(articles.map((a, i) => [a, i]));
    for (const page of bySlug.values()) page.articles.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
  return bySlug;
}
