import { describe, expect, it } from 'vitest';
import { splitBlocks } from './blocks.ts';
import { classifyBlocks, type BlockKind } from './classify.ts';

const kinds = (text: string): [BlockKind, string][] => classifyBlocks(splitBlocks(text)).map((block) => [block.kind, block.text]);

const LONG = 'Le Comité central du Parti a tenu une conférence pour dresser le bilan des travaux de l’année et fixer les tâches principales.';
const LONG2 = 'Les délégués ont salué les résultats obtenus et ont appelé à poursuivre la rationalisation de l’appareil dans toutes les provinces.';

describe('classifyBlocks', () => {
  it('names the furniture around an article', () => {
    const text = [
      'Vietnam.vn - Nền tảng quảng bá Việt Nam',
      'Le bilan de l’année',
      'Báo Nhân dânBáo Nhân dân05/07/2025',
      LONG,
      'portrait du secretaire.jpg',
      'Le secrétaire général à la tribune. Photo: VNA',
      'Thực hiện toàn diện, hiệu quả các nhiệm vụ trọng tâm- Ảnh 2.',
      'Photo: Hoang Trieu',
      '[publicité_1]',
      'Nouvelles orientations pour la suite',
      LONG2,
      'Thanh Ha',
      'Source : https://nhandan.vn/a-post1.html',
      'Comment (0)',
      'Un titre sans rapport dans la barre latérale',
    ].join('\n\n');
    expect(kinds(text).map(([kind]) => kind)).toEqual([
      'site-header', 'title', 'publisher', 'paragraph', 'image', 'caption', 'alt-text', 'credit', 'ad', 'heading', 'paragraph', 'byline', 'source', 'chrome', 'chrome',
    ]);
  });

  it('keeps the credit and the original headline on the blocks', () => {
    const blocks = classifyBlocks(splitBlocks(`${LONG}\nLe secrétaire général à la tribune. Photo : P. Binh\nThực hiện toàn diện, hiệu quả các nhiệm vụ trọng tâm- Ảnh 2.\n${LONG2}`));
    expect(blocks[1]).toMatchObject({ kind: 'caption', text: 'Le secrétaire général à la tribune.', credit: 'P. Binh' });
    expect(blocks[2]).toMatchObject({ kind: 'alt-text', originalTitle: 'Thực hiện toàn diện, hiệu quả các nhiệm vụ trọng tâm' });
  });

  it('strips a credit off a long paragraph but keeps the paragraph', () => {
    const paragraph = `${LONG} ${LONG2} ${LONG} Photo: LE VINH`;
    const [block] = classifyBlocks(splitBlocks(`${paragraph}\n${LONG2}`));
    expect(block).toMatchObject({ kind: 'paragraph', credit: 'LE VINH', text: `${LONG} ${LONG2} ${LONG}` });
  });

  it('finds a short tag line right after the publisher line', () => {
    expect(kinds(`Titre du jour\nHànộimớiHànộimới23/03/2024\n\nXIV съезд партии Секретариат Политбюро\n${LONG}\n${LONG2}`).map(([kind]) => kind)).toEqual(['title', 'publisher', 'tags', 'paragraph', 'paragraph']);
  });

  it('finds the tag line by repetition', () => {
    const tags = 'Résolution n° 18-NQ/TW Bureau politique Secrétariat';
    expect(kinds(`${LONG}\n\n${tags}\n\n${tags}\n\n${LONG2}`).map(([kind]) => kind)).toEqual(['paragraph', 'tags', 'tags', 'paragraph']);
  });

  it('reads a title without a blank line after it, and no title when the file opens with a long lead', () => {
    expect(kinds(`Улучшить качество работы, обеспечить лидерство\n${LONG}\n${LONG2}`)[0]?.[0]).toBe('title');
    expect(kinds(`${LONG} ${LONG2}\n${LONG2}`)[0]?.[0]).toBe('paragraph');
  });

  it('treats everything after the last source line as chrome, and a label reused as a credit as a credit', () => {
    const result = kinds(`${LONG}\nИсточник: Документ\n${LONG2}\nSource: https://a.vn/x.html\nSource: https://b.vn/y.html\nMême catégorie\nUn autre article`);
    expect(result.map(([kind]) => kind)).toEqual(['paragraph', 'credit', 'paragraph', 'source', 'source', 'chrome', 'chrome']);
  });

  it('without a source line, cuts at the first comment counter and finds the byline before it', () => {
    expect(kinds(`${LONG}\n${LONG2}\nComment (0)\nLes jeunes ont fait la queue.`).map(([kind]) => kind)).toEqual(['paragraph', 'paragraph', 'chrome', 'chrome']);
    expect(kinds(`${LONG}\n${LONG2}\nΝτιεμ Μι\nΣχόλιο (0)\nΚληρονομιά`).map(([kind]) => kind)).toEqual(['paragraph', 'paragraph', 'byline', 'chrome', 'chrome']);
  });

  it('does not take a short final sentence or a quoted line for a heading', () => {
    expect(kinds(`${LONG}\nDécentraliser toute la commune.\n${LONG2}`)[1]?.[0]).toBe('paragraph');
    expect(kinds(`${LONG}\n${LONG2}\nUne ligne courte à la fin`).at(-1)?.[0]).toBe('paragraph');
  });
});
