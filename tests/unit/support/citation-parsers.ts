/**
 * Real parsers for the citation formats we publish: the one Better BibTeX for Zotero imports
 * with (strict: an unknown LaTeX command or a broken field is an error), and citation-js,
 * which reads BibTeX, RIS and CSL-JSON into CSL items and renders them with citeproc.
 */
import { Cite, plugins, type CslData } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { parse, type Entry } from '@retorquere/bibtex-parser';

/** BibTeX entries, or an error listing every problem the parser found. */
export function parseBibtexStrict(text: string): Entry[] {
  const library = parse(text, { english: false });
  if (library.errors.length > 0) throw new Error(`BibTeX errors: ${JSON.stringify(library.errors)}`);
  return library.entries;
}

/** Any of the three formats, as citation-js reads it into CSL items. */
export function readCitations(text: string): CslData[] {
  return plugins.input.chain(text, { generateGraph: false });
}

/** A plain-text APA bibliography rendered by citeproc from CSL items. */
export function bibliography(items: CslData[]): string {
  return new Cite(items).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
}
