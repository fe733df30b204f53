import { describe, expect, it } from 'vitest';
import { documentTopic } from './document-topics.ts';

describe('documentTopic', () => {
  it('labels a Party resolution in four languages', () => {
    const topic = documentTopic('18-NQ/TW');
    expect(topic.slug).toBe('doc-18-nq-tw');
    expect(topic.kind).toBe('document');
    expect(topic.documentKind).toBe('resolution');
    expect(topic.labels).toEqual({
      en: 'Resolution 18-NQ/TW',
      fr: 'Résolution 18-NQ/TW',
      ru: 'Резолюция 18-NQ/TW',
      el: 'Ψήφισμα 18-NQ/TW',
    });
    expect(topic.description).toBe(
      'Resolution 18-NQ/TW of the Party Central Committee, its Politburo or Secretariat: every article that cites it, in every language.',
    );
  });

  it.each([
    ['35-CT/TW', 'directive', 'Directive 35-CT/TW'],
    ['127-KL/TW', 'conclusion', 'Conclusion 127-KL/TW'],
    ['09-KL/BCĐ', 'conclusion', 'Conclusion 09-KL/BCĐ'],
    ['137-QĐ/TW', 'decision', 'Décision 137-QĐ/TW'],
    ['137-QD/TW', 'decision', 'Décision 137-QD/TW'],
    ['24-QĐi/TW', 'regulation', 'Règlement 24-QĐi/TW'],
    ['05-QyĐ/TW', 'regulation', 'Règlement 05-QyĐ/TW'],
    ['12-HD/TW', 'guidance', 'Instruction 12-HD/TW'],
    ['01-DA/TU', 'project', 'Projet 01-DA/TU'],
    ['123/2024/NĐ-CP', 'decree', 'Décret 123/2024/NĐ-CP'],
  ])('reads the kind of %s', (reference, kind, french) => {
    const topic = documentTopic(reference);
    expect(topic.documentKind).toBe(kind);
    expect(topic.labels.fr).toBe(french);
  });

  it('names the legislature of a National Assembly act without guessing resolution or law', () => {
    const topic = documentTopic('98/2023/QH15');
    expect(topic.slug).toBe('doc-98-2023-qh15');
    expect(topic.labels.fr).toBe("Texte de l'Assemblée nationale 98/2023/QH15");
    expect(topic.description).toContain('of the 15th National Assembly');
  });

  it('still labels a reference whose kind it does not know', () => {
    const topic = documentTopic('17-XYZ/TW');
    expect(topic.documentKind).toBeUndefined();
    expect(topic.labels).toEqual({ en: 'Document 17-XYZ/TW', fr: 'Document 17-XYZ/TW', ru: 'Документ 17-XYZ/TW', el: 'Έγγραφο 17-XYZ/TW' });
  });

  it('refuses text that is not a reference', () => {
    expect(() => documentTopic('Bureau politique')).toThrow(/"Bureau politique" is not a document reference/);
  });
});
