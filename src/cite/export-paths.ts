import type { ArchiveIndex } from '../lib/archive-model.ts';
import { rowKey, rowLabel, translationRows, singleRows, type Row } from '../lib/listings.ts';
import { paginate, pagePath } from '../lib/paginate.ts';
import { routes } from '../lib/urls.ts';

/**
 * The listings whose pages offer their articles' citations in one file, with the same rows
 * the pages list (so the same content-defined page boundaries). Topics, languages,
 * publishers and years: each article is on one page of each, plus its topics'. Months, the
 * undated list and a topic's per-language pages would only repeat the same rows again.
 */
export function citedListings(index: ArchiveIndex): { listPath: string; rows: Row[] }[] {
  return [
    ...[...index.topics.values()].map((topic) => ({ listPath: routes.topic(topic.slug), rows: translationRows(index.byTopic.get(topic.slug) ?? []) })),
    ...[...index.byLang].map(([lang, articles]) => ({ listPath: routes.language(lang), rows: singleRows(articles) })),
    ...[...index.byPublisher.values()].map((publisher) => ({ listPath: routes.publisher(publisher.slug), rows: translationRows(publisher.articles) })),
    ...[...index.byYear].map(([year, articles]) => ({ listPath: routes.year(year), rows: translationRows(articles) })),
  ];
}

/** One citation file: where it goes and the articles it cites, in the order listed. */
export interface CitationFile {
  path: string;
  ids: string[];
}

/** Every citation file of the site without its extension: one per article, one per cited listing page. */
export function citationFiles(index: ArchiveIndex): CitationFile[] {
  const files: CitationFile[] = index.all.map((record) => ({ path: routes.articleCitations(record.id), ids: [record.id] }));
  for (const { listPath, rows } of citedListings(index)) {
    if (rows.length === 0) continue;
    for (const page of paginate(rows, rowKey, rowLabel)) files.push({ path: routes.pageCitations(pagePath(listPath, page)), ids: page.items.flat().map((a) => a.id) });
  }
  return files;
}
