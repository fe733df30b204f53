import type { Lang } from '../schemas/article.ts';

/**
 * Every string of the interface, in one place so the site can be translated without
 * touching a page. The interface is English for now; article text keeps its own language.
 */
export const UI_LANG = 'en';

export const ui = {
  siteName: 'Political News Archive',
  /** Where a name must be short: a browser's search engine list, an app icon (16 characters at most). */
  siteShortName: 'News Archive',
  siteTagline: 'Vietnamese political news, as republished in French, Russian and Greek',
  skipToContent: 'Skip to content',
  mainNav: 'Main',
  nav: {
    home: 'Home',
    topics: 'Topics',
    languages: 'Languages',
    publishers: 'Publishers',
    years: 'Years',
    search: 'Search',
    about: 'About',
  },
  searchLabel: 'Search the archive',
  searchButton: 'Search',
  searchWithin: 'Search within this',
  footer: 'A static archive of machine-translated political news. Texts are shown as scraped; see About for what that means.',
  home: {
    holds: 'What the archive holds',
    articles: (n: number) => `${n} ${n === 1 ? 'article' : 'articles'}`,
    dateRange: (from: string, to: string) => `Dated articles run from ${from} to ${to}.`,
    noDates: 'No article has a known date yet.',
    undatedCount: (n: number) => `${n} undated.`,
    latest: 'Latest articles',
    browse: 'Browse',
    searchAll: 'Search French, Russian and Greek at once',
    empty: 'The archive is empty: run the ingest on a folder of raw files.',
  },
  article: {
    language: 'Language',
    date: 'Date',
    publisher: 'Publisher',
    byline: 'Byline',
    photoCredits: 'Photo credits',
    dateUnknown: 'date unknown',
    dateFrom: {
      'publisher-line': 'date from the publisher line',
      'source-url': 'date read from the source URL',
      inferred: 'date inferred from the text',
    },
    titleDerived: 'title derived from the opening sentence',
    originalTitle: 'Original Vietnamese title',
    unknownPublisher: 'unknown publisher',
    tags: 'Tags',
    topics: 'Topics',
    documents: 'Document references',
    archived: 'Archived copies',
    source: 'Original source',
    noSource: 'The file names no source URL, so there is no original or web archive to link to.',
    wayback: 'Wayback Machine',
    waybackOn: (date: string) => `Wayback Machine, capture nearest ${date}`,
    waybackList: 'Wayback Machine, all captures',
    archiveToday: 'archive.today, newest capture',
    rawCopy: 'Preserved raw file (as scraped, untouched)',
    sha256: 'SHA-256',
    otherLanguages: 'Other languages',
    related: 'Related articles',
    cite: 'Cite this article',
    citeHint: 'Select and copy:',
    citeFiles: 'For a reference manager:',
    metadata: 'About this text',
  },
  list: {
    undated: 'Undated articles',
    citeFiles: 'Cite the articles on this page:',
    citePreparing: 'Gathering the citations…',
    citeFailed: 'Some citations could not be fetched. Try again, or use each article’s own files.',
    undatedNote: 'These texts carry no date we could read or infer; they are listed apart, never given a made-up date.',
    none: 'No articles.',
    page: (from: string) => `from ${from}`,
    pagination: 'Pages, named by their oldest article',
    newest: 'Newest',
    newer: 'Newer',
    older: 'Older',
    alsoIn: 'also in',
    count: (n: number) => `${n} ${n === 1 ? 'article' : 'articles'}`,
    allLanguages: 'All languages',
    filterByLanguage: 'Filter by language',
    feed: 'RSS feed',
  },
  chart: {
    title: 'Articles per month, by language',
    summary: (articles: number, from: string, to: string, peak: string) =>
      from === to ? `${articles} ${articles === 1 ? 'article' : 'articles'}, all in ${from}.` : `${articles} ${articles === 1 ? 'article' : 'articles'}, ${from} – ${to}; most in ${peak}.`,
    undated: (n: number) => `${n} undated ${n === 1 ? 'article is' : 'articles are'} not shown.`,
    onlyUndated: (n: number) => `No dated article to chart: ${n} undated.`,
    month: (month: string, articles: number) => `${month}: ${articles} ${articles === 1 ? 'article' : 'articles'}`,
    table: 'The numbers, month by month',
    tableNote: 'Months without articles are left out.',
    monthColumn: 'Month',
    total: 'Total',
  },
  compare: {
    title: (title: string) => `Side by side: ${title}`,
    heading: 'Side by side',
    link: 'Read the versions side by side',
    intro: (n: number) => `The same original in ${n} languages, paragraph by paragraph.`,
    unaligned: 'The versions are split into different numbers of paragraphs, so they are shown as they are, not aligned: paragraph numbers count within each language.',
    paragraph: (n: number) => `¶ ${n}`,
    show: 'Show',
    article: 'Article page',
    blocks: (n: number) => `${n} ${n === 1 ? 'paragraph' : 'paragraphs'}`,
  },
  topics: {
    title: 'Topics',
    intro: 'Topics are one thing in every language: an article in French and one in Greek about the same subject share a topic.',
    kinds: {
      theme: 'Themes',
      person: 'People',
      place: 'Places',
      organisation: 'Organisations',
      document: 'Documents',
    },
    labels: 'Names',
    none: 'No topics yet.',
  },
  languages: { title: 'Languages' },
  publishers: { title: 'Publishers', intro: 'The Vietnamese newspapers the texts were originally published in.' },
  years: {
    title: 'Years',
    months: 'Months',
    undatedLink: (n: number) => `Undated articles (${n})`,
  },
  report: {
    title: 'Ingest report',
    link: 'Ingest report',
    intro: 'Every input file of the last build, by its path in the input folder: kept as an article, skipped with the reason, or set aside as a duplicate of a kept file. Nothing read is left out.',
    files: (n: number) => `${n} input ${n === 1 ? 'file' : 'files'}`,
    outcomes: { kept: 'Kept', skipped: 'Skipped', duplicate: 'Duplicates' },
    outcomeNotes: {
      kept: 'Each became an article page.',
      skipped: 'Each could not become an article; the reason says why.',
      duplicate: 'Each repeats a kept file (the same bytes, or the same original in the same language); the kept twin is linked.',
    },
    counts: 'Counts',
    languages: 'Kept articles by language',
    reasons: 'Skip and duplicate reasons by kind',
    warnings: 'Warnings by kind (a file can be kept with a warning)',
    kind: 'Kind',
    language: 'Language',
    count: 'Count',
    none: 'None.',
    pages: 'Pages, by the paths they run from and to',
    range: (first: string, last: string, n: number) => (n === 1 ? `${first} (1 file)` : `${first} … ${last} (${n} files)`),
    file: 'File',
    article: 'Article',
    reason: 'Reason',
    twin: 'Kept twin',
    warningsColumn: 'Warnings',
    previous: 'Previous page',
    next: 'Next page',
    pageTitle: (outcome: string, first: string) => `${outcome}, from ${first}`,
    back: 'Back to the summary',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. It may have moved, or the address may be mistyped.',
    home: 'Go to the home page',
  },
} as const;

export const LANGUAGE_NAMES: Record<Lang, { native: string; english: string }> = {
  fr: { native: 'Français', english: 'French' },
  ru: { native: 'Русский', english: 'Russian' },
  el: { native: 'Ελληνικά', english: 'Greek' },
};

/** `Français (French)`: readers of either name find their language. */
export function languageLabel(lang: Lang): string {
  const names = LANGUAGE_NAMES[lang];
  return `${names.native} (${names.english})`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export function monthName(month: number): string {
  const name = MONTHS[month - 1];
  if (!name) throw new Error(`no month ${month}`);
  return name;
}

/** `3` -> `Mar`: where a chart's axis has room for three letters only. */
export function monthAbbreviation(month: number): string {
  return monthName(month).slice(0, 3);
}

/** `2025-03` -> `March 2025`, or `Mar 2025` when `short`. */
export function formatMonth(key: string, short = false): string {
  const [year, month] = key.split('-').map(Number);
  if (!year || !month) throw new Error(`not a YYYY-MM month: ${key}`);
  return `${short ? monthAbbreviation(month) : monthName(month)} ${year}`;
}

/** `2025-01-26` -> `26 January 2025`; written out so a day/month order is never ambiguous. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) throw new Error(`not an ISO date: ${iso}`);
  return `${day} ${monthName(month)} ${year}`;
}
