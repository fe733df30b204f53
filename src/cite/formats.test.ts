import { describe, expect, it } from 'vitest';
import { bibliography, parseBibtexStrict, readCitations } from '../../tests/unit/support/citation-parsers.ts';
import { bibtex, bibUrl, latexText } from './bibtex.ts';
import { cslJson } from './csl.ts';
import { COMBINE } from './combine.ts';
import { CITATION_FORMATS } from './formats.ts';
import { ris } from './ris.ts';
import { oneLine } from './text.ts';
import type { CitableWork } from './work.ts';

/** What scraped titles and names hold: TeX specials, unbalanced braces, record lines of other formats. */
const HOSTILE = 'Un {titre} \\emph{pas} 100% & $x_1^2$ ~ #1 }{ \\\n@comment{x}\nTY  - JOUR\r\nER  - \n  "fin"\u2028ligne';

const dated: CitableWork = {
  id: 'fr/mettre-en-oeuvre',
  title: 'Mettre en œuvre la résolution 18-NQ/TW',
  lang: 'fr',
  publisher: 'Người Lao Động',
  author: 'Diem My and Theo',
  published: '2025-01-26',
  originalTitle: 'Triển khai Nghị quyết 18',
  sourceUrl: 'https://nld.com.vn/a%20b.htm?x=1',
  archiveUrl: 'https://ex.org/archive/articles/fr/mettre-en-oeuvre/',
  rawUrl: 'https://ex.org/archive/raw/00ff.txt',
  accessed: '2026-03-01',
};
const inferred: CitableWork = { id: 'ru/vtoroi', title: HOSTILE, lang: 'ru', publisher: `${HOSTILE} {`, inferredDate: '2024-11-30', archiveUrl: 'https://ex.org/archive/articles/ru/vtoroi/', rawUrl: 'https://ex.org/archive/raw/01.txt' };
const undated: CitableWork = { id: 'el/trito', title: 'Τρίτο άρθρο', lang: 'el', archiveUrl: 'https://ex.org/archive/articles/el/trito/', rawUrl: 'https://ex.org/archive/raw/02.txt', accessed: '2026-03-01' };
const works = [dated, inferred, undated];

const year = (item: { issued?: { 'date-parts'?: number[][] } }) => item.issued?.['date-parts']?.[0];

describe('BibTeX', () => {
  it('parses with Better BibTeX’s parser, hostile text included, and keeps the text as written', () => {
    const entries = parseBibtexStrict(bibtex(works));
    expect(entries.map((e) => [e.type, e.key])).toEqual([
      ['article', 'fr_mettre-en-oeuvre'],
      ['article', 'ru_vtoroi'],
      ['article', 'el_trito'],
    ]);
    const [first, second, third] = entries.map((e) => e.fields);
    expect(first).toMatchObject({ title: dated.title, journal: 'Người Lao Động', date: '2025-01-26', year: '2025', langid: 'french', url: dated.archiveUrl, urldate: '2026-03-01', origtitle: dated.originalTitle });
    // One name as printed, not split at "and".
    expect(first?.author).toEqual([{ name: 'Diem My and Theo' }]);
    expect(first?.note).toContain(dated.sourceUrl);
    expect(second?.title).toBe(oneLine(HOSTILE));
    expect(second?.journal).toBe(oneLine(`${HOSTILE} {`));
    expect(third?.title).toBe('Τρίτο άρθρο');
  });

  it('gives a date only when it is known: an inferred one is in the note, a missing one nowhere', () => {
    const [, second, third] = parseBibtexStrict(bibtex(works)).map((e) => e.fields);
    for (const fields of [second, third]) for (const name of ['date', 'year', 'month']) expect(fields).not.toHaveProperty(name);
    expect(second?.note).toContain('Date inferred from the text, not stated by the publisher: 2024-11-30');
    expect(third?.note).not.toContain('inferred');
  });

  it('reads the same in citation-js', () => {
    const items = readCitations(bibtex(works));
    expect(items.map((i) => i.title)).toEqual([dated.title, oneLine(HOSTILE), 'Τρίτο άρθρο']);
    expect(items.map(year)).toEqual([[2025, 1, 26], undefined, undefined]);
    expect(items[0]).toMatchObject({ URL: dated.archiveUrl, 'container-title': 'Người Lao Động', accessed: { 'date-parts': [[2026, 3, 1]] } });
  });

  it('escapes every TeX special and keeps braces balanced; URLs stay verbatim', () => {
    const text = latexText('a{b}c\\d%e&f#g$h_i^j~k');
    expect(text).not.toMatch(/(?<!\\)[%&#$_]/);
    expect(text.split('{').length).toBe(text.split('}').length);
    expect(bibUrl('https://x.org/a b{c}\\d%20e')).toBe('https://x.org/a%20b%7Bc%7D%5Cd%20e');
  });
});

describe('RIS', () => {
  it('parses into one NEWS record per work, hostile text on one line', () => {
    const text = ris(works);
    for (const line of text.split('\r\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
    expect(text.match(/^TY  - NEWS\r$/gm)).toHaveLength(3);
    expect(text.match(/^ER  - \r$/gm)).toHaveLength(3);
    const items = readCitations(text);
    expect(items.map((i) => [i.type, i.title])).toEqual([
      ['article-newspaper', dated.title],
      ['article-newspaper', oneLine(HOSTILE)],
      ['article-newspaper', 'Τρίτο άρθρο'],
    ]);
    expect(items[0]).toMatchObject({ URL: dated.archiveUrl, 'container-title': 'Người Lao Động', language: 'fr', accessed: { 'date-parts': [[2026, 3, 1]] } });
    expect(year(items[0] as never)?.[0]).toBe(2025);
    expect(text).toContain('DA  - 2025/01/26/');
  });

  it('gives a date only when it is known', () => {
    const [, second, third] = readCitations(ris(works));
    expect(second?.issued).toBeUndefined();
    expect(third?.issued).toBeUndefined();
    expect(String(second?.note)).toContain('2024-11-30');
  });
});

describe('CSL-JSON', () => {
  // citeproc compiles the APA style first: seconds on a loaded machine.
  it('is an array of newspaper articles citation-js reads and citeproc renders', { timeout: 30_000 }, () => {
    const text = cslJson(works);
    const items = readCitations(JSON.parse(text));
    expect(items.map((i) => [i.id, i.type, i.title])).toEqual([
      ['fr/mettre-en-oeuvre', 'article-newspaper', dated.title],
      ['ru/vtoroi', 'article-newspaper', HOSTILE],
      ['el/trito', 'article-newspaper', 'Τρίτο άρθρο'],
    ]);
    expect(items.map(year)).toEqual([[2025, 1, 26], undefined, undefined]);
    expect(items[0]).toMatchObject({ author: [{ literal: 'Diem My and Theo' }], 'container-title': 'Người Lao Động', URL: dated.archiveUrl, language: 'fr' });
    const rendered = bibliography(items);
    expect(rendered).toContain('Mettre en œuvre la résolution 18-NQ/TW');
    expect(rendered).toContain('Người Lao Động');
    expect(rendered).toContain('n.d.');
  });
});

describe('CITATION_FORMATS', () => {
  it('gives each format its own extension and the same articles in order', { timeout: 30_000 }, () => {
    expect(new Set(CITATION_FORMATS.map((f) => f.extension)).size).toBe(CITATION_FORMATS.length);
    for (const format of CITATION_FORMATS) {
      expect(readCitations(format.serialize(works)).map((item) => item.URL), format.extension).toEqual(works.map((work) => work.archiveUrl));
      expect(readCitations(format.serialize([...works].reverse())).map((item) => item.URL), format.extension).toEqual(works.map((work) => work.archiveUrl).reverse());
    }
  });
});

describe('COMBINE', () => {
  it('joins one-article files into exactly the file the serializer writes for them all', () => {
    for (const format of CITATION_FORMATS) {
      const joined = COMBINE[format.extension](works.map((work) => format.serialize([work])));
      expect(joined, format.extension).toBe(format.serialize(works));
    }
    expect(Object.keys(COMBINE)).toEqual(CITATION_FORMATS.map((f) => f.extension));
  });

  it('rewrites a lone CSL-JSON file as it was written, and makes a file citing nothing of none', () => {
    // BibTeX and RIS files are joined as text, so one file is itself; CSL-JSON is parsed and written again.
    expect(COMBINE['csl.json']([cslJson([inferred])])).toBe(cslJson([inferred]));
    for (const format of CITATION_FORMATS) expect(readCitations(COMBINE[format.extension]([])), format.extension).toEqual([]);
  });
});
