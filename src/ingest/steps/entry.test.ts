import { describe, expect, it } from 'vitest';
import { articleSchema, type Article } from '../../schemas/article.ts';
import { articleId, asciiSlug, buildArticle, serializeArticle, translationKey } from './entry.ts';

const SHA = 'a'.repeat(64);
const ID = articleSchema.shape.id;

describe('articleId', () => {
  it('is built from the source URL and language, URL-safe and schema-valid', () => {
    const id = articleId('fr', 'https://nld.com.vn/thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-196250121140352663.htm', SHA);
    expect(id).toMatch(/^fr\/thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-[0-9a-f]{10}$/);
    expect(ID.safeParse(id).success).toBe(true);
  });

  it('is the same for every language version except the prefix, and different per URL', () => {
    const url = 'https://nhandan.vn/tiep-tuc-post891670.html';
    expect(articleId('ru', url, SHA).slice(3)).toBe(articleId('el', url, 'b'.repeat(64)).slice(3));
    expect(articleId('fr', url, SHA)).not.toBe(articleId('fr', `${url}?page=2`, SHA));
  });

  it('falls back to the raw hash without a URL, and copes with odd URL paths', () => {
    expect(articleId('el', undefined, SHA)).toBe(`el/raw-${'a'.repeat(16)}`);
    for (const url of ['https://vov.vn/', 'https://vov.vn/%E0%A4%A', 'https://vov.vn/Đại-Hội_ĐẢNG!!.html', `https://vov.vn/${'x'.repeat(500)}`]) {
      expect(ID.safeParse(articleId('fr', url, SHA)).success).toBe(true);
    }
  });
});

describe('asciiSlug', () => {
  it('folds Vietnamese letters and cuts long slugs at a hyphen', () => {
    expect(asciiSlug('Đại hội Đảng bộ lần thứ XVIII')).toBe('dai-hoi-dang-bo-lan-thu-xviii');
    const slug = asciiSlug('bi-thu-thanh-uy-ha-noi-nguyen-duy-ngoc-cu-the-hoa-nghi-quyet-dai-hoi-dang-bo');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('bi-thu-thanh-uy-ha-noi-nguyen-duy-ngoc-cu-the-hoa-nghi');
  });
});

describe('translationKey', () => {
  it('comes from the URL when there is one, else from the raw hash', () => {
    expect(translationKey('https://a.vn/x', SHA)).toMatch(/^[0-9a-f]{16}$/);
    expect(translationKey(undefined, SHA)).toBe('a'.repeat(16));
  });
});

describe('buildArticle', () => {
  const fields = {
    warnings: [],
    raw: { encoding: 'utf-8', bytes: 3, sha256: SHA, path: 'a.txt' },
    body: [{ text: 'Texte.', kind: 'paragraph' }],
    topics: [],
    documentRefs: [],
    tags: [],
    photoCredits: [],
    translationKey: 'aaaa',
    titleSource: 'derived',
    title: 'Texte',
    lang: 'fr',
    id: 'fr/raw-aaaa',
  } as Article;

  it('writes keys in schema order, whatever order they were given in', () => {
    const json = serializeArticle(buildArticle(fields, 'a.txt'));
    expect(Object.keys(JSON.parse(json))).toEqual(Object.keys(articleSchema.shape).filter((key) => key in fields));
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "lang": "fr",');
  });

  it('refuses an entry the schema refuses, naming the file and field', () => {
    expect(() => buildArticle({ ...fields, id: 'fr/Not Valid' }, 'dir/a.txt')).toThrow(/^dir\/a\.txt: the entry does not match the article schema: id:/);
  });
});
