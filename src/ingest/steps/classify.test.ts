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

  it('passes over short unpunctuated lines stacked above the headline: kicker, category, byline, masthead', () => {
    const headline = 'Le Bureau politique fixe les priorités des congrès du Parti';
    expect(kinds(`Système politique\nVers le 14e Congrès\n${headline}\nBáo Nhân dânBáo Nhân dân12/03/2025\n${LONG}\n${LONG2}`).map(([kind]) => kind)).toEqual(['kicker', 'kicker', 'title', 'publisher', 'paragraph', 'paragraph']);
    expect(kinds(`Par Tran Thi Lan\n${headline}\n${LONG}\n${LONG2}`).slice(0, 2)).toEqual([['byline', 'Tran Thi Lan'], ['title', headline]]);
    // A short headline over a one-sentence lead: the lead ends in a full stop, so the headline stays.
    expect(kinds(`Le Politburo se réunit\nLe 4 juillet, le Politburo a tenu une réunion sur la réorganisation de l’appareil.\nBáo Nhân dânBáo Nhân dân05/07/2025\n${LONG}`)[0]?.[0]).toBe('title');
  });

  it('takes a language switcher in the head for chrome: bulleted names and the repeated site name', () => {
    const result = kinds(`• English\nПлатформа продвижения Вьетнама\n- Русский\nПлатформа продвижения Вьетнама\nЗаголовок статьи о работе партии\n${LONG}\n${LONG2}`);
    expect(result.map(([kind]) => kind)).toEqual(['menu', 'menu', 'menu', 'menu', 'title', 'paragraph', 'paragraph']);
    // Bulleted lines in the body are text.
    expect(kinds(`${LONG}\n• Économie\n• Société\n${LONG2}`).map(([kind]) => kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('drops template placeholders and reads a date line alone under the headline', () => {
    const result = classifyBlocks(splitBlocks(`Un titre pour l’article du jour\nBáo Quốc tếBáo Quốc tế\n14/03/2025 10:45\n${LONG}\nDNUM_CEZADZCACF 17:30\n${LONG2}`));
    expect(result.map((block) => block.kind)).toEqual(['title', 'publisher', 'publisher', 'paragraph', 'template', 'paragraph']);
    expect(result[2]).toMatchObject({ publisher: { date: { day: 14, month: 3, year: 2025 } } });
  });

  it('joins a source URL wrapped onto the next line, and only then', () => {
    const wrapped = classifyBlocks(splitBlocks(`${LONG}\n${LONG2}\nSource : https://nhandan.vn/mat-tran-phat-dong-\nung-ho-post870222.html\nComment (0)`));
    expect(wrapped[2]).toMatchObject({ kind: 'source', source: { url: 'https://nhandan.vn/mat-tran-phat-dong-ung-ho-post870222.html' }, wrapped: 4 });
    const threeLines = classifyBlocks(splitBlocks(`${LONG}\n${LONG2}\nΠηγή: https://baochinhphu.vn/chinh-phu-\nde-an-chuyen-doi-\nnha-nuoc.htm\nΣχόλιο (0)`));
    expect(threeLines[2]).toMatchObject({ source: { url: 'https://baochinhphu.vn/chinh-phu-de-an-chuyen-doi-nha-nuoc.htm' }, wrapped: 5 });
    const run = classifyBlocks(splitBlocks(`${LONG}\n${LONG2}\nSource : https://a.vn/x-\n${'b-\n'.repeat(6)}Comment (0)`));
    expect(run[2]).toMatchObject({ kind: 'source', text: 'Source : https://a.vn/x-b-b-b-b-', wrapped: 7 });
    const complete = kinds(`${LONG}\n${LONG2}\nSource : https://nhandan.vn/a-post1.html\nnouvelle-page.html`);
    expect(complete[2]).toEqual(['source', 'Source : https://nhandan.vn/a-post1.html']);
    expect(kinds(`${LONG}\n${LONG2}\nSource : https://nhandan.vn/a-b\nCommentaire`)[2]).toEqual(['source', 'Source : https://nhandan.vn/a-b']);
    expect(kinds(`${LONG}\n${LONG2}\nSource : https://tuyengiao.vn/a-150001\nvietnam.vn`)[2]).toEqual(['source', 'Source : https://tuyengiao.vn/a-150001']);
  });
});
