import { describe, expect, it } from 'vitest';
import { splitTags } from './tags.ts';

describe('splitTags', () => {
  it('splits the run-together tag line of sample 003 where it can tell', () => {
    const line =
      "Résolution n° 18-NQ/TW Organisation de l'appareil gouvernemental local à deux niveaux Secrétaire général To Lam 14e Congrès national du Parti Résolution des politiques et des régimes Bureau politique Secrétariat";
    expect(splitTags(line, 'fr')).toEqual([
      'Résolution n° 18-NQ/TW',
      "Organisation de l'appareil gouvernemental local à deux niveaux",
      'Secrétaire général',
      'To Lam 14e Congrès national du Parti Résolution des politiques et des régimes',
      'Bureau politique',
      'Secrétariat',
    ]);
  });

  it('does not cut after linking words, and works in Russian and Greek', () => {
    expect(splitTags('Comité central du Parti', 'fr')).toEqual(['Comité central du Parti']);
    expect(splitTags('Постановление 18-NQ/TW Генеральный секретарь То Лам', 'ru')).toEqual(['Постановление 18-NQ/TW', 'Генеральный секретарь', 'То Лам']);
    expect(splitTags('Επιτροπή του Κόμματος Ανόι πρωτεύουσα Γενικός Γραμματέας', 'el')).toEqual(['Επιτροπή του Κόμματος Ανόι πρωτεύουσα', 'Γενικός Γραμματέας']);
  });
});
