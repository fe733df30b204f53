import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../schemas/article.ts';
import { LARGE_FILE_BYTES } from './constants.ts';
import { ingestFile } from './pipeline.ts';

const fixture = (name: string): Buffer => readFileSync(`tests/fixtures/ingest/${name}`);
const seed = (name: string): Buffer => readFileSync(`content/raw/${name}`);
const ingest = (bytes: Uint8Array, file = 'x.txt', maxBytes?: number) => ingestFile(bytes, file, [], maxBytes === undefined ? {} : { maxBytes });

describe('ingestFile: files that are not articles', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), /^empty: the file has no bytes/],
    ['whitespace only', Buffer.from(' \n\u00a0\n\t\r\n\u200b', 'utf8'), /^empty: only whitespace/],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), /^binary: /],
    ['NUL-heavy binary', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 0), Buffer.from([1, 2, 3, 200, 201])]), /^binary: /],
    ['boilerplate only', fixture('boilerplate.txt'), /^no article text: only site furniture/],
    ['a title and a link', fixture('title-and-link.txt'), /^no article text: title and link only/],
    ['Vietnamese', fixture('vietnamese.txt'), /^lang: Vietnamese \(vie\)/],
    ['Ukrainian', fixture('ukrainian.txt'), /^lang: Ukrainian \(ukr\)/],
    ['Polish (with a French-looking label)', fixture('polish.txt'), /^lang: Polish \(pol\)/],
    ['English', fixture('english.txt'), /^lang: English \(eng\)/],
  ])('skips %s with a reason', (_name, bytes, reason) => {
    const result = ingest(bytes);
    expect(result.status).toBe('skipped');
    expect(result.reason).toMatch(reason);
    expect(result.article).toBeUndefined();
  });

  it('skips a file over the size limit without reading it', () => {
    expect(ingest(seed('000_647adb3486ad43d7.txt'), 'x.txt', 1000)).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^size: 13 KB is over the 1 KB limit/) });
  });
});

describe('ingestFile: messy articles', () => {
  const french = seed('000_647adb3486ad43d7.txt').toString('utf8');
  const reference = ingest(seed('000_647adb3486ad43d7.txt')).article;

  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french)])],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(french, 'utf16le')])],
    ['CRLF line ends', Buffer.from(french.replace(/\n/g, '\r\n'))],
    ['CR line ends', Buffer.from(french.replace(/\n/g, '\r'))],
    ['NBSP lines and zero-width characters', Buffer.from(french.replace(/\n\n/g, '\n\u00a0\u00a0\n').replace(/Parti/g, 'Par\u200bti'))],
    ['decomposed accents (NFD)', Buffer.from(french.normalize('NFD'))],
  ])('reads %s like the clean file', (_name, bytes) => {
    const article = ingest(bytes)?.article;
    expect(article?.title).toBe(reference?.title);
    expect(article?.body).toEqual(reference?.body);
    expect(article?.date).toBe(reference?.date);
    expect(article?.id).toBe(reference?.id);
  });

  it.each([
    ['windows-1251', '002_71d977bec0ddab80.txt'],
    ['koi8-r', '002_71d977bec0ddab80.txt'],
    ['windows-1253', '004_eccd677ccf18e2ae.txt'],
  ])('reads a %s file with an encoding warning and the same article', (encoding, name) => {
    // What the code page can hold (KOI8-R has no «», none has Vietnamese letters), read as UTF-8.
    const bytes = iconv.encode(seed(name).toString('utf8'), encoding);
    const clean = ingest(Buffer.from(iconv.decode(bytes, encoding), 'utf8')).article;
    const result = ingest(bytes);
    expect(result.article?.raw.encoding).toBe(encoding);
    expect(result.warnings).toContain(`encoding: not UTF-8, read as ${encoding}`);
    expect(result.article?.body).toEqual(clean?.body);
    expect(result.article?.lang).toBe(clean?.lang);
  });

  it('reads a Windows-1252 French file', () => {
    const text = readFileSync('tests/fixtures/ingest/impossible-date.txt', 'utf8').replace('Báo Nhân dânBáo Nhân dân31/02/2025', 'Le Courrier du Vietnam 12/12/2025');
    const result = ingest(iconv.encode(text, 'windows-1252'));
    expect(result.article?.raw.encoding).toBe('windows-1252');
    expect(result.article?.title).toBe("Le Comité central tient sa conférence de fin d'année");
    expect(result.article?.date).toBe('2025-12-12');
  });

  it('warns about an impossible publisher-line date and never rolls it over', () => {
    const result = ingest(fixture('impossible-date.txt'));
    expect(result.warnings).toContain('date: impossible date 31/02/2025 in publisher line');
    expect(result.article?.date).not.toBe('2025-03-03');
    // The lead's "12 décembre" has no year to go with it: the text names 2024 and 2025 once each.
    expect(result.article?.date).toBeUndefined();
    expect(result.warnings).toContain('date: dateline "12 décembre" in the lead, but the text names 2024 and 2025 equally often (1×): no year to place it');
    expect(result.article?.documentRefs).toEqual(['18-NQ/TW']);
  });

  it('does not take a date from the body for the publication date', () => {
    const article = ingest(fixture('body-date.txt')).article;
    expect(article?.date).toBeUndefined();
    expect(article?.dateSource).toBeUndefined();
  });

  it('uses the footer source line, cleaned of tracking, and reads its date', () => {
    const result = ingest(fixture('two-sources.txt'));
    expect(result.article?.sourceUrl).toBe('https://baochinhphu.vn/thu-tuong-kiem-tra-cao-toc-10250315093000123.htm');
    expect(result.article).toMatchObject({ date: '2025-03-15', dateSource: 'source-url', publisher: { name: 'Báo Chính phủ', domain: 'baochinhphu.vn' } });
    expect(result.warnings).toContain('source: 2 source lines; the last (footer) one is used');
    expect(result.article?.body.map((block) => block.text).join('\n')).not.toMatch(/Документ|Source|Comment/);
  });

  it('strips HTML to text, drops script and head, decodes entities', () => {
    const result = ingest(fixture('html.txt'));
    const article = result.article;
    expect(article?.title).toBe("Le Vietnam renforce la coopération avec l'Union européenne");
    expect(article?.sourceUrl).toBe('https://vietnamplus.vn/viet-nam-eu-post1004.vnp');
    const text = article?.body.map((block) => block.text).join('\n') ?? '';
    expect(text).toContain("coopération commerciale & de l'investissement");
    expect(text).toContain('l’Union européenne');
    expect(text).not.toMatch(/<|alert|color: red|ignored/);
    expect(result.warnings).toContain('html: markup left by the scraper was removed');
  });

  it('uses front matter as evidence: source, title; the URL date wins over the front-matter date', () => {
    const article = ingest(fixture('front-matter.txt')).article;
    expect(article).toMatchObject({
      title: "L'administration locale à deux niveaux entre en fonction",
      titleSource: 'file',
      sourceUrl: 'https://tuoitre.vn/chinh-quyen-hai-cap-20250701093000123.htm',
      date: '2025-07-01',
      dateSource: 'source-url',
      publisher: { name: 'Tuổi Trẻ', domain: 'tuoitre.vn' },
    });
  });

  it('ignores a front-matter title that is only markup, and never derives an empty title', () => {
    const body = readFileSync('tests/fixtures/ingest/bad-front-matter.txt', 'utf8').split('---\n').at(-1) ?? '';
    const result = ingest(Buffer.from(`---\ntitle: "<b></b><i> </i>"\n---\n${body}`));
    expect(result.article?.titleSource).toBe('derived');
    expect(result.article?.title).toMatch(/^Le secrétaire général a présidé/);
    expect(result.warnings).toContain('front-matter: title has no text once markup is removed, ignored');
    const dotted = ingest(Buffer.from(`…\n\n${body}`));
    expect(dotted.article?.title).toMatch(/^Le secrétaire général a présidé/);
  });

  it('survives malformed front matter with a warning', () => {
    const result = ingest(fixture('bad-front-matter.txt'));
    expect(result.status).toBe('kept');
    expect(result.warnings[0]).toMatch(/^front-matter: not valid YAML/);
    expect(result.article?.id).toMatch(/^fr\/raw-[0-9a-f]{16}$/);
  });

  it('keeps a very large article with a size warning', () => {
    const big = `${french.split('Source :')[0]}\n\n${'Le travail de propagande est enrichi de formes nombreuses. '.repeat(4000)}\n\nSource : https://nld.com.vn/x-196250121140352663.htm\n`;
    const result = ingest(Buffer.from(big));
    expect(Buffer.byteLength(big)).toBeGreaterThan(LARGE_FILE_BYTES);
    expect(result.status).toBe('kept');
    expect(result.warnings.some((warning) => warning.startsWith('size: '))).toBe(true);
  });

  it('refuses hostile source URLs with a warning and keeps the article without a source', () => {
    const text = french.replace(/Source : \S+/, 'Source : javascript:alert(document.cookie)');
    const result = ingest(Buffer.from(text));
    expect(result.article?.sourceUrl).toBeUndefined();
    expect(result.article?.id).toMatch(/^fr\/raw-/);
    expect(result.warnings.some((warning) => warning.startsWith('source: only http and https'))).toBe(true);
    const credentials = ingest(Buffer.from(french.replace(/Source : https:\/\//, 'Source : https://user:pass@')));
    expect(credentials.article?.sourceUrl).toBeUndefined();
    expect(credentials.warnings.some((warning) => warning.startsWith('source: URL carries credentials'))).toBe(true);
  });

  it('gives the same id when machine translation broke the source URL with spaces', () => {
    const broken = french.replace(/Source : https:\/\/nld\.com\.vn\/thuc-hien-toan-dien/, 'Source : https: //nld.com.vn/ thuc-hien - toan-dien');
    expect(broken).not.toBe(french);
    const article = ingest(Buffer.from(broken)).article;
    expect(article?.sourceUrl).toBe(reference?.sourceUrl);
    expect(article?.id).toBe(reference?.id);
  });

  it('dates from the source URL when the publisher line is missing or impossible', () => {
    const article = ingest(Buffer.from(french.replace('Người Lao ĐộngNgười Lao Động26/01/2025', 'Người Lao ĐộngNgười Lao Động31/02/2025'))).article;
    expect(article).toMatchObject({ date: '2025-01-21', dateSource: 'source-url', publisher: { name: 'Người Lao Động', domain: 'nld.com.vn' } });
    expect(article?.warnings).toContain('date: impossible date 31/02/2025 in publisher line');
  });

  it('gives schema-valid, identical results for identical input', () => {
    const a = ingest(seed('003_736dc36327812824.txt'), 'dir/003.txt');
    const b = ingest(seed('003_736dc36327812824.txt'), 'dir/003.txt');
    expect(articleSchema.safeParse(a.article).success).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.article?.raw).toMatchObject({ path: 'dir/003.txt', bytes: 10773, encoding: 'utf-8' });
  });

  it('treats injected markup and template syntax as plain text', () => {
    const text = french.replace('Développement rapide et solide sur la plateforme technologique', '<img src=x onerror=alert(1)> {alert(1)} ${x} [l](javascript:alert(1))');
    const body = ingest(Buffer.from(text)).article?.body.map((block) => block.text).join('\n') ?? '';
    expect(body).not.toContain('<img');
    expect(body).toContain('{alert(1)} ${x} [l](javascript:alert(1))');
  });
});
