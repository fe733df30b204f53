import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

const fixture = (name: string): string => readFileSync(`tests/fixtures/ingest/${name}`, 'utf8');
const seed = (name: string): string => readFileSync(`content/raw/${name}`, 'utf8').slice(0, 3000);

describe('detectLanguage', () => {
  it('recognises the three archived languages', () => {
    expect(detectLanguage(seed('000_647adb3486ad43d7.txt')).lang).toBe('fr');
    expect(detectLanguage(seed('002_71d977bec0ddab80.txt')).lang).toBe('ru');
    expect(detectLanguage(seed('004_eccd677ccf18e2ae.txt')).lang).toBe('el');
  });

  it('names the language it will not archive', () => {
    expect(detectLanguage(fixture('ukrainian.txt'))).toMatchObject({ detected: 'ukr', reason: expect.stringMatching(/^lang: Ukrainian \(ukr\)/) });
    expect(detectLanguage(fixture('polish.txt'))).toMatchObject({ detected: 'pol', reason: expect.stringMatching(/^lang: Polish/) });
    expect(detectLanguage(fixture('vietnamese.txt'))).toMatchObject({ detected: 'vie', reason: expect.stringMatching(/^lang: Vietnamese/) });
    expect(detectLanguage(fixture('english.txt'))).toMatchObject({ detected: 'eng' });
  });

  it('tells Russian from the other Cyrillic languages by their letters', () => {
    const russian = detectLanguage(seed('002_71d977bec0ddab80.txt'));
    expect(russian).toMatchObject({ lang: 'ru', evidence: expect.stringContaining('ы/э') });
    const bulgarian =
      'Министър-председателят заяви, че правителството ще продължи реформите в съдебната система. Според него е необходимо да се засили борбата с корупцията и да се подобри работата на държавната администрация, като страната използва европейските средства по-ефективно.';
    expect(detectLanguage(bulgarian)).toMatchObject({ detected: 'bul' });
    const serbian =
      'Председник је изјавио да ће влада наставити реформе у правосуђу. Према његовим речима, неопходно је појачати борбу против корупције и побољшати рад државне управе, а земља мора боље да користи средства.';
    expect(detectLanguage(serbian)).toMatchObject({ detected: 'srp' });
  });

  it('is not fooled by a French-looking label on a Polish page', () => {
    expect(detectLanguage(`Source : https://x.vn/a\n${fixture('polish.txt')}`).lang).toBeUndefined();
  });

  it('refuses to guess from too little text', () => {
    expect(detectLanguage('Bonjour')).toMatchObject({ detected: 'und', reason: expect.stringMatching(/^lang: too little text/) });
    expect(detectLanguage('12345 67890 !!! ??? '.repeat(10))).toMatchObject({ detected: 'und' });
  });

  it('reads French with Vietnamese names in it as French', () => {
    const text = 'Le camarade Nguyễn Hồ Hải, secrétaire adjoint permanent du Comité du Parti de Hồ Chí Minh-Ville, a passé en revue les réalisations exceptionnelles de la ville en 2024 et les tâches pour 2025.';
    expect(detectLanguage(text).lang).toBe('fr');
  });
});
