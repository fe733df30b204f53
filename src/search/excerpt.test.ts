import { describe, expect, it } from 'vitest';
import { excerptParts } from './excerpt.ts';

describe('excerptParts', () => {
  it('splits highlighted matches from the text around them', () => {
    expect(excerptParts('La <mark>réforme</mark> de <mark>l’appareil</mark>.')).toEqual([
      { text: 'La ', mark: false },
      { text: 'réforme', mark: true },
      { text: ' de ', mark: false },
      { text: 'l’appareil', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('turns escaped markup back into visible text, never into elements', () => {
    expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; AT&T <mark>xyzzy</mark>')).toEqual([
      { text: '<script>alert(1)</script> AT&T ', mark: false },
      { text: 'xyzzy', mark: true },
    ]);
  });

  it('joins adjacent marks and keeps unknown tags as text', () => {
    expect(excerptParts('<mark>a</mark><mark>b</mark><img src=x onerror=alert(1)>')).toEqual([
      { text: 'ab', mark: true },
      { text: '<img src=x onerror=alert(1)>', mark: false },
    ]);
  });

  it('returns nothing for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([]);
  });
});
