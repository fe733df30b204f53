/**
 * How the files of one format, each citing one article, join into one file citing them all,
 * byte for byte as that format's serializer writes several works (src/cite/formats.ts tests
 * it). A listing page's citations are made this way in the browser from the articles' own
 * files, so a page offers them without the site storing every article again per listing.
 * No imports: the page's script bundles this module alone.
 */
export const COMBINE = {
  /** Entries end with a newline; the serializer puts a blank line between them. */
  bib: (files: readonly string[]): string => files.join('\n'),
  /** Records end with CRLF; the serializer puts a blank CRLF line between them. */
  ris: (files: readonly string[]): string => files.join('\r\n'),
  /** Each file is an array of items: one array of them all, indented as the serializer does. */
  'csl.json': (files: readonly string[]): string => `${JSON.stringify(files.flatMap((file) => JSON.parse(file) as unknown[]), null, 2)}\n`,
} as const satisfies Record<string, (files: readonly string[]) => string>;

export type CitationExtension = keyof typeof COMBINE;
