/**
 * What the build publishes for researchers, read from the test build as they would download
 * it: the dump validates line by line against the published schema and holds every kept
 * article, the CSV parses, every article has citation files that real parsers read and its
 * page links them, and a listing page's buttons save its articles' citations as one file
 * per format (in Chromium: the page joins the files itself).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openTestSite, watchErrors } from './support/browser.ts';
import { parseBibtexStrict, readCitations } from '../unit/support/citation-parsers.ts';
import { parseArticle, type Article } from '../../src/schemas/article.ts';
import { CSV_COLUMNS } from '../../src/dataset/csv.ts';
import { testArchiveDir, testDistDir } from './support/paths.ts';
import { compareStrings } from '../../src/lib/sort.ts';
import { routes } from '../../src/lib/urls.ts';

const dist = (file: string) => path.join(testDistDir, file);
const report = JSON.parse(readFileSync(path.join(testArchiveDir, 'ingest-report.json'), 'utf8')) as { files: { status: string; id?: string }[] };
const keptIds = report.files.filter((f) => f.status === 'kept').map((f) => f.id as string).sort(compareStrings);
const entries = new Map(keptIds.map((id) => [id, parseArticle(JSON.parse(readFileSync(path.join(testArchiveDir, 'articles', `${id}.json`), 'utf8')), id)]));

describe('the data dump', () => {
  const gz = readFileSync(dist('data/articles.jsonl.gz'));
  const lines = gunzipSync(gz).toString('utf8').split('\n');
  const schema = JSON.parse(readFileSync(dist('data/article.schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  it('holds one line per kept article, in id order, each the whole entry', () => {
    expect(keptIds.length).toBeGreaterThan(5);
    expect(lines.pop()).toBe('');
    const rows = lines.map((line) => JSON.parse(line) as Article);
    expect(rows.map((r) => r.id)).toEqual(keptIds);
    for (const row of rows) expect(row).toEqual(entries.get(row.id));
    expect(rows.every((r) => r.body.length > 0)).toBe(true);
  });

  it('validates line by line against the published JSON Schema, which rejects what the zod schema rejects', () => {
    for (const line of lines.filter(Boolean)) expect(validate(JSON.parse(line)), JSON.stringify(validate.errors)).toBe(true);
    const sample = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(validate({ ...sample, extra: 1 })).toBe(false);
    expect(validate({ ...sample, lang: 'en' })).toBe(false);
    expect(validate({ ...sample, body: [] })).toBe(false);
    expect(validate({ ...sample, sourceUrl: 'not a url' })).toBe(false);
  });

  it('is a gzip file with no timestamp or file name in its header', () => {
    expect([...gz.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect(gz[3]).toBe(0);
    expect(gz.readUInt32LE(4)).toBe(0);
  });
});

describe('the metadata CSV', () => {
  const rows = parseCsv(readFileSync(dist('data/articles.csv')), { columns: true, strict: true } as never) as Record<string, string>[];

  it('parses with a CSV parser into one row per kept article, text as written', () => {
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r.id)).toEqual(keptIds);
    for (const row of rows) {
      const entry = entries.get(row.id as string) as Article;
      expect(row.title?.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(entry.title);
      expect(row.date).toBe(entry.date ?? '');
      expect(row.source_url).toBe(entry.sourceUrl ?? '');
      expect(row.topics).toBe(entry.topics.map((t) => t.slug).join(';'));
    }
  });

  it('has no cell a spreadsheet would run as a formula', () => {
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

/** The `download` links of a built page. */
function downloads(page: string): string[] {
  const html = readFileSync(dist(page), 'utf8');
  return [...html.matchAll(/<a href="([^"]+)" download>/g)].map((m) => m[1] as string);
}

describe('citation files', () => {
  it('exist for every article, parse, and give the date only when it is known', () => {
    for (const [id, entry] of entries) {
      const base = dist(`articles/${id}`);
      const bib = parseBibtexStrict(readFileSync(`${base}.bib`, 'utf8'));
      expect(bib).toHaveLength(1);
      expect(bib[0]?.fields.url).toBe(`http://127.0.0.1:4321/articles/${id}/`);
      const known = entry.date && entry.dateSource !== 'inferred';
      expect(bib[0]?.fields.date).toBe(known ? entry.date : undefined);
      for (const extension of ['ris', 'csl.json']) {
        const text = readFileSync(`${base}.${extension}`, 'utf8');
        const [item, ...rest] = readCitations(extension === 'csl.json' ? JSON.parse(text) : text);
        expect(rest).toHaveLength(0);
        expect(item?.type).toBe('article-newspaper');
        expect(item?.URL).toBe(`http://127.0.0.1:4321/articles/${id}/`);
        expect(item?.issued === undefined).toBe(!known);
      }
    }
  });

  it('are linked from the article page', () => {
    const id = keptIds[0] as string;
    expect(downloads(`articles/${id}/index.html`)).toEqual(['bib', 'ris', 'csl.json'].map((e) => `/${routes.articleCitations(id)}.${e}`));
  });

});

describe('the citations of a listing page', () => {
  const opened = openTestSite();
  /** The topic page listing the most articles, and those articles' ids in the order listed. */
  const biggestTopic = (): { page: string; listed: string[] } => {
    const pages = readdirSync(dist('topics'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => {
        const html = readFileSync(dist(`${routes.topic(d.name)}index.html`), 'utf8');
        return { page: routes.topic(d.name), listed: [...new Set([...html.matchAll(/href="\/articles\/([a-z]{2}\/[a-z0-9-]+)\/"/g)].map((m) => m[1] as string))] };
      });
    return pages.sort((a, b) => b.listed.length - a.listed.length)[0] as { page: string; listed: string[] };
  };

  it('are made in the browser from the articles\' own files: one download per format citing every article listed, in order, that real parsers read', async () => {
    const { page: topicPage, listed } = biggestTopic();
    expect(listed.length).toBeGreaterThan(2);
    // Nothing per listing is stored: the site keeps each article's citations once.
    expect(readdirSync(dist(topicPage)).filter((f) => /\.(bib|ris|json)$/.test(f))).toEqual([]);
    const page = await opened.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(new URL(topicPage, opened.site.url).href);
    const block = page.locator('[data-page-citations]');
    await expect.poll(() => block.isVisible()).toBe(true);
    const texts: Record<string, string> = {};
    for (const [label, extension] of [['BibTeX', 'bib'], ['RIS', 'ris'], ['CSL-JSON', 'csl.json']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), block.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toBe(`citations-${topicPage.replace(/\/$/, '').replaceAll('/', '-')}.${extension}`);
      texts[extension] = readFileSync(await download.path(), 'utf8');
    }
    expect(errors).toEqual([]);
    await page.close();
    const ids = (JSON.parse(texts['csl.json'] as string) as { id: string }[]).map((item) => item.id);
    expect(ids).toEqual(listed);
    expect(parseBibtexStrict(texts.bib as string).map((e) => e.key)).toEqual(listed.map((id) => id.replace('/', '_')));
    expect(readCitations(texts.ris as string).map((item) => item.URL)).toEqual(listed.map((id) => `http://127.0.0.1:4321/${routes.article(id)}`));
  });

  it('are offered only once the script runs, and say so when a file cannot be fetched', async () => {
    const { page: topicPage } = biggestTopic();
    const context = await opened.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(new URL(topicPage, opened.site.url).href);
    expect(await plain.locator('[data-page-citations]').isHidden()).toBe(true);
    // It keeps its space, so the list does not move when the script shows it.
    expect((await plain.locator('[data-page-citations]').boundingBox())?.height ?? 0).toBeGreaterThan(0);
    await context.close();

    const page = await opened.browser.newPage();
    await page.route('**/*.ris', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(new URL(topicPage, opened.site.url).href);
    const block = page.locator('[data-page-citations]');
    await block.getByRole('button', { name: 'RIS' }).click();
    await expect.poll(() => block.getByRole('status').textContent()).toMatch(/could not be fetched/);
    expect(await block.getByRole('button', { name: 'RIS' }).isEnabled()).toBe(true);
    await page.close();
  });
});

describe('the About page', () => {
  it('says what every field of the published schema and every CSV column means', () => {
    const html = readFileSync(dist('about/index.html'), 'utf8');
    const schema = JSON.parse(readFileSync(dist('data/article.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    const fields = Object.keys(schema.properties);
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) expect(html, field).toContain(`<code>${field}</code>`);
    for (const column of CSV_COLUMNS) expect(html, column).toMatch(new RegExp(`\\[[^\\]]*\\b${column}\\b[^\\]]*\\]`));
  });

  it('links the three data files', () => {
    expect(downloads('about/index.html')).toEqual(['/data/articles.jsonl.gz', '/data/article.schema.json', '/data/articles.csv']);
  });
});
