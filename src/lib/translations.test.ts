import { describe, expect, it } from 'vitest';
import { compareVersions, groupTranslations } from './translations.ts';

describe('groupTranslations', () => {
  it('groups by translationKey, keys in the order first met, versions in the order given', () => {
    const items = [
      { id: 'ru/b', lang: 'ru' as const, translationKey: 'k2' },
      { id: 'fr/a', lang: 'fr' as const, translationKey: 'k1' },
      { id: 'el/b', lang: 'el' as const, translationKey: 'k2' },
      { id: 'fr/b', lang: 'fr' as const, translationKey: 'k2' },
    ];
    const groups = groupTranslations(items);
    expect([...groups.keys()]).toEqual(['k2', 'k1']);
    expect(groups.get('k2')!.map((item) => item.id)).toEqual(['ru/b', 'el/b', 'fr/b']);
    expect(groups.get('k2')!.sort(compareVersions).map((item) => item.id)).toEqual(['fr/b', 'ru/b', 'el/b']);
  });
});
