import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleRecordSchema, readArticle, toRecord } from './article-record.ts';
import { assign, makeArticle } from '../../tests/unit/support/articles.ts';

describe('toRecord', () => {
  it('keeps what listings need and drops the body, tags and topic evidence', () => {
    const article = makeArticle('fr/a', { date: '2025-01-02', dateSource: 'inferred', topics: [assign('party')], tags: ['t'], body: [{ kind: 'paragraph', text: 'long body' }] });
    const record = toRecord(article);
    expect(articleRecordSchema.parse(record)).toEqual(record);
    expect(record).toEqual({ id: 'fr/a', lang: 'fr', title: 'Title fr/a', date: '2025-01-02', dateSource: 'inferred', translationKey: 'fr/a', documentRefs: [], topics: ['party'], file: 'fr/a.txt' });
  });
});

describe('readArticle', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-record-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'fr'));

  it('reads a whole entry, body included', () => {
    const article = makeArticle('fr/a');
    writeFileSync(path.join(dir, 'fr', 'a.json'), JSON.stringify(article));
    expect(readArticle(dir, 'fr/a')).toEqual(article);
  });

  it('names the file of an invalid entry and the field at fault', () => {
    writeFileSync(path.join(dir, 'fr', 'bad.json'), JSON.stringify({ ...makeArticle('fr/bad'), sourceUrl: 'javascript:alert(1)' }));
    expect(() => readArticle(dir, 'fr/bad')).toThrow(/fr[/\\]bad\.json.*sourceUrl/s);
  });

  it('refuses an entry whose id is not its path', () => {
    writeFileSync(path.join(dir, 'fr', 'moved.json'), JSON.stringify(makeArticle('fr/elsewhere')));
    expect(() => readArticle(dir, 'fr/moved')).toThrow(/moved\.json: entry id fr\/elsewhere/);
  });
});
