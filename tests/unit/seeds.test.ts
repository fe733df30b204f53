import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/schemas/article.ts';
import { ingestFile } from '../../src/ingest/pipeline.ts';

const RAW = path.resolve('content/raw');

function ingestSeed(name: string): Article {
  const result = ingestFile(readFileSync(path.join(RAW, name)), name, []);
  if (!result.article) throw new Error(`${name} was not kept: ${result.reason}`);
  return result.article;
}

const bodyText = (article: Article): string => article.body.map((block) => block.text).join('\n');

/** Lines of site furniture each sample carries; none may reach the body. */
const COMMON_CHROME = ['Comment (0)', 'No data', 'Event Calendar', 'No videos available', 'Source :', 'Источник:', 'Πηγή:'];

describe('sample 000 (French, Người Lao Động)', () => {
  const article = ingestSeed('000_647adb3486ad43d7.txt');

  it('reads every field of the table', () => {
    expect(article.lang).toBe('fr');
    expect(article.title).toBe('Mettre en œuvre de manière globale et efficace les tâches clés');
    expect(article.titleSource).toBe('file');
    expect(article.publisher).toEqual({ name: 'Người Lao Động', domain: 'nld.com.vn' });
    expect(article.date).toBe('2025-01-26');
    expect(article.dateSource).toBe('publisher-line');
    expect(article.sourceUrl).toBe('https://nld.com.vn/thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-196250121140352663.htm');
    expect(article.id).toMatch(/^fr\/thuc-hien-toan-dien-hieu-qua-cac-nhiem-vu-trong-tam-[0-9a-f]{10}$/);
  });

  it('keeps the subheading, the credits and the original title as fields', () => {
    expect(article.body).toContainEqual({ kind: 'heading', text: 'Développement rapide et solide sur la plateforme technologique' });
    expect(article.photoCredits).toEqual(['LE VINH', 'Hoang Trieu']);
    expect(article.originalTitle).toBe('Thực hiện toàn diện, hiệu quả các nhiệm vụ trọng tâm');
    expect(article.documentRefs).toEqual(expect.arrayContaining(['18-NQ/TW', '98/2023/QH15', '09-KL/BCĐ']));
    expect(article.body[0]?.text).toMatch(/^Le camarade Nguyen Ho Hai, secrétaire adjoint permanent/);
  });

  it('leaves the site furniture out of the body', () => {
    const text = bodyText(article);
    for (const chrome of [...COMMON_CHROME, 'Người Lao Động', 'nguyen ho hai.jpg', 'Photo: LE VINH', 'Photo: Hoang Trieu', 'Ảnh 2', 'Cùng chủ đề', 'Happy VietNam', 'Tác phẩm Ngày hè', 'Chiffre', 'Ho Chi Minh-Ville vue d\'en haut', 'Secrétaire adjoint permanent du Comité du Parti de Ho Chi Minh-Ville, Nguyen Ho Hai.']) {
      expect(text).not.toContain(chrome);
    }
    expect(article.body.map((block) => block.text)).not.toContain(article.title);
  });
});

describe('sample 001 (French, no title in the file)', () => {
  const article = ingestSeed('001_508e9a579cab8ace.txt');

  it('reads every field of the table', () => {
    expect(article.lang).toBe('fr');
    expect(article.titleSource).toBe('derived');
    expect(article.title).toMatch(/^Étaient présents à la conférence dans la province de Ninh Thuan/);
    expect(article.title.length).toBeLessThanOrEqual(111);
    expect(article.title.endsWith('…')).toBe(true);
    expect(article.publisher).toEqual({ name: 'Báo Ninh Thuận', domain: 'baoninhthuan.com.vn' });
    expect(article.date).toBeUndefined();
    expect(article.dateSource).toBeUndefined();
    expect(article.sourceUrl).toBe('http://baoninhthuan.com.vn/news/150866p24c32/hoi-nghi-tong-ket-cong-tac-to-chuc-xay-dung-dang-nam-2024.htm');
  });

  it('keeps the byline and credits as fields, captions out of the body', () => {
    expect(article.byline).toBe('Diem My');
    expect(article.photoCredits).toEqual(['P. Binh']);
    const text = bodyText(article);
    for (const chrome of [...COMMON_CHROME, 'Diem My', 'Photo : P. Binh', 'Le secrétaire général To Lam a prononcé un discours lors de la conférence.']) {
      expect(text).not.toContain(chrome);
    }
    expect(article.body).toHaveLength(6);
  });
});

describe('sample 002 (Russian, title without a blank line after it)', () => {
  const article = ingestSeed('002_71d977bec0ddab80.txt');

  it('reads every field of the table', () => {
    expect(article.lang).toBe('ru');
    expect(article.title).toBe('Улучшить качество работы, обеспечить последовательное лидерство');
    expect(article.titleSource).toBe('file');
    expect(article.publisher).toEqual({ name: 'Đại biểu Nhân dân', domain: 'daibieunhandan.vn' });
    expect(article.date).toBeUndefined();
    expect(article.sourceUrl).toMatch(/^https:\/\/daibieunhandan\.vn\/.*-10395341\.html$/);
  });

  it('keeps the subheading and leaves the furniture out', () => {
    expect(article.body).toContainEqual({ kind: 'heading', text: 'Предложение инновационных и креативных политик' });
    expect(article.body[0]?.text).toMatch(/^Выступая на открытии конференции/);
    const text = bodyText(article);
    for (const chrome of [...COMMON_CHROME, 'Комментарий (0)', article.title]) expect(text).not.toContain(chrome);
  });
});

describe('sample 003 (French, Nhân dân, tag line)', () => {
  const article = ingestSeed('003_736dc36327812824.txt');

  it('reads every field of the table', () => {
    expect(article.lang).toBe('fr');
    expect(article.title).toBe("Pour suivre les efforts pour réaliser les taches et exploiter efficacement le nouveau modèle d'appareil.");
    expect(article.titleSource).toBe('file');
    expect(article.publisher).toEqual({ name: 'Báo Nhân dân', domain: 'nhandan.vn' });
    expect(article.date).toBe('2025-07-05');
    expect(article.dateSource).toBe('publisher-line');
    expect(article.sourceUrl).toMatch(/^https:\/\/nhandan\.vn\/.*-post891670\.html$/);
  });

  it('keeps byline, tags and references as fields', () => {
    expect(article.byline).toBe('Comme les Gens');
    expect(article.tags).toEqual(expect.arrayContaining(['Résolution n° 18-NQ/TW', 'Secrétaire général', 'Bureau politique']));
    expect(article.documentRefs).toEqual(['18-NQ/TW']);
  });

  it('leaves the site furniture out of the body', () => {
    const text = bodyText(article);
    for (const chrome of [...COMMON_CHROME, 'Vietnam.vn', 'Báo Nhân dân', 'Organisation de l\'appareil gouvernemental local à deux niveaux Secrétaire', 'Comme les Gens', 'Même catégorie', 'Saveur de la région', 'Système politique', 'Produit']) {
      expect(text).not.toContain(chrome);
    }
    expect(article.body[0]?.text).toMatch(/^Le 4 juillet, au siège du Comité central du Parti/);
  });
});

describe('sample 004 (Greek, inferred date)', () => {
  const article = ingestSeed('004_eccd677ccf18e2ae.txt');

  it('reads every field of the table', () => {
    expect(article.lang).toBe('el');
    expect(article.titleSource).toBe('derived');
    expect(article.title).toMatch(/^Το πρωί της 30ής Νοεμβρίου/);
    expect(article.title).not.toContain('Κιντεντόθι');
    expect(article.publisher).toEqual({ name: 'Kinh tế & Đô thị', domain: 'kinhtedothi.vn' });
    expect(article.date).toBe('2024-11-30');
    expect(article.dateSource).toBe('inferred');
    expect(article.dateEvidence).toContain('30ής Νοεμβρίου');
    expect(article.dateEvidence).toContain('2024');
    expect(article.sourceUrl).toMatch(/^https:\/\/kinhtedothi\.vn\/tiep-tuc-thuc-hien-hieu-qua/);
  });

  it('keeps the subheading and drops the ad slot and the footer', () => {
    expect(article.body).toContainEqual({ kind: 'heading', text: 'Ανταλλαγή και κοινοποίηση εμπειριών στην οργάνωση και οργάνωση του προσωπικού' });
    const text = bodyText(article);
    for (const chrome of [...COMMON_CHROME, '[διαφήμιση_2]', 'Σχόλιο (0)']) expect(text).not.toContain(chrome);
  });
});

describe('the samples together', () => {
  const names = ['000_647adb3486ad43d7.txt', '001_508e9a579cab8ace.txt', '002_71d977bec0ddab80.txt', '003_736dc36327812824.txt', '004_eccd677ccf18e2ae.txt'];

  it('have distinct ids and translation keys, no warnings, utf-8', () => {
    const articles = names.map(ingestSeed);
    expect(new Set(articles.map((article) => article.id)).size).toBe(5);
    expect(new Set(articles.map((article) => article.translationKey)).size).toBe(5);
    for (const article of articles) {
      expect(article.warnings).toEqual([]);
      expect(article.raw.encoding).toBe('utf-8');
    }
  });
});
