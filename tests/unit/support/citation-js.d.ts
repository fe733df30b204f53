// citation-js ships no types; the tests use this much of it.
declare module '@citation-js/core' {
  export interface CslDate {
    'date-parts'?: number[][];
  }
  export type CslData = Record<string, unknown> & { id?: string; type?: string; title?: string; issued?: CslDate; accessed?: CslDate; URL?: string };
  export const plugins: {
    input: { chain(data: unknown, options?: { generateGraph?: boolean; forceType?: string }): CslData[] };
  };
  export class Cite {
    constructor(data: unknown);
    data: CslData[];
    format(format: 'bibliography', options?: { format?: 'text' | 'html'; template?: string; lang?: string }): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
