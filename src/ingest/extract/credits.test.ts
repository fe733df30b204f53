import { describe, expect, it } from 'vitest';
import { splitCredit } from './credits.ts';

describe('splitCredit', () => {
  it('splits a credit off the end of a caption or paragraph', () => {
    expect(splitCredit('Secrétaire adjoint, Nguyen Ho Hai. Photo: LE VINH')).toEqual({ text: 'Secrétaire adjoint, Nguyen Ho Hai.', credit: 'LE VINH' });
    expect(splitCredit('Le secrétaire général a prononcé un discours. Photo : P. Binh')).toEqual({ text: 'Le secrétaire général a prononcé un discours.', credit: 'P. Binh' });
    expect(splitCredit('Делегаты конференции. Фото: ВИА')).toEqual({ text: 'Делегаты конференции.', credit: 'ВИА' });
    expect(splitCredit('Το συνέδριο. Φωτογραφία: Χ. Παπαδόπουλος')).toEqual({ text: 'Το συνέδριο.', credit: 'Χ. Παπαδόπουλος' });
  });

  it('reads a line that is only a credit', () => {
    expect(splitCredit('Photo: Hoang Trieu')).toEqual({ text: '', credit: 'Hoang Trieu' });
    expect(splitCredit('Ảnh: TTXVN')).toEqual({ text: '', credit: 'TTXVN' });
  });

  it('leaves lines without a trailing credit alone', () => {
    expect(splitCredit('La photo : un symbole fort de la coopération entre les deux pays.')).toEqual({ text: 'La photo : un symbole fort de la coopération entre les deux pays.' });
    expect(splitCredit('Photo: LE VINH et les délégués ont ensuite visité le chantier de la nouvelle autoroute.').credit).toBeUndefined();
  });
});
