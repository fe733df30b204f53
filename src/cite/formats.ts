import { bibtex } from './bibtex.ts';
import { cslJson } from './csl.ts';
import { ris } from './ris.ts';
import type { CitableWork } from './work.ts';

/** The citation files published for every article (and joined for a listing page), defined once for every route and link. */
export const CITATION_FORMATS = [
  { extension: 'bib', label: 'BibTeX', mediaType: 'application/x-bibtex; charset=utf-8', serialize: bibtex },
  { extension: 'ris', label: 'RIS', mediaType: 'application/x-research-info-systems; charset=utf-8', serialize: ris },
  { extension: 'csl.json', label: 'CSL-JSON', mediaType: 'application/vnd.citationstyles.csl+json; charset=utf-8', serialize: cslJson },
] as const satisfies readonly { extension: string; label: string; mediaType: string; serialize: (works: readonly CitableWork[]) => string }[];
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** A link to one citation file: the format's name and the site path of the file. */
export interface CitationFileLink {
  label: string;
  path: string;
}

/** Links to the files of one article or listing page, given their path less the extension. */
export const citationFileLinks = (base: string): CitationFileLink[] => CITATION_FORMATS.map((f) => ({ label: f.label, path: `${base}.${f.extension}` }));
