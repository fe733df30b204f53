import type { Article } from '../schemas/article.ts';

/** One link of the "Archived copies" block, with its Robust Links attributes. */
export interface ArchivedLink {
  kind: 'source' | 'wayback' | 'archive-today' | 'raw';
  href: string;
  /** Robust Links: on a link to a copy, the page it is a copy of. */
  originalUrl?: string;
  /** Robust Links: on a link to the original, a copy of it. */
  versionUrl?: string;
  /** Robust Links: the date the copy is meant to represent (YYYY-MM-DD). */
  versionDate?: string;
  external: boolean;
}

export interface ArchivedCopies {
  source?: ArchivedLink;
  wayback?: ArchivedLink;
  archiveToday?: ArchivedLink;
  raw: ArchivedLink & { sha256: string; bytes: number };
}

/**
 * The Wayback Machine redirects `/web/<YYYYMMDD>/<url>` to the capture nearest that day, so a
 * known date (even an inferred one: "nearest" tolerates a day's error) lands on the right
 * version; without a date, the list of all captures is the honest link.
 */
export function waybackUrl(sourceUrl: string, date: string | undefined): string {
  return date ? `https://web.archive.org/web/${date.replaceAll('-', '')}/${sourceUrl}` : `https://web.archive.org/web/*/${sourceUrl}`;
}

function archiveTodayUrl(sourceUrl: string): string {
  return `https://archive.ph/newest/${sourceUrl}`;
}

/** `rawHref` is the site URL of the preserved raw file (base path applied by the caller). */
export function archivedCopies(entry: Pick<Article, 'sourceUrl' | 'date' | 'raw'>, rawHref: string): ArchivedCopies {
  const date = entry.date;
  const raw = {
    kind: 'raw' as const,
    href: rawHref,
    external: false,
    sha256: entry.raw.sha256,
    bytes: entry.raw.bytes,
    ...(entry.sourceUrl ? { originalUrl: entry.sourceUrl } : {}),
  };
  const source = entry.sourceUrl;
  if (!source) return { raw };
  const wayback = waybackUrl(source, date);
  const dated = date ? { versionDate: date } : {};
  return {
    source: { kind: 'source', href: source, versionUrl: wayback, ...dated, external: true },
    wayback: { kind: 'wayback', href: wayback, originalUrl: source, ...dated, external: true },
    archiveToday: { kind: 'archive-today', href: archiveTodayUrl(source), originalUrl: source, external: true },
    raw,
  };
}
