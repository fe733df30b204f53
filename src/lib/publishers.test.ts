import { describe, expect, it } from 'vitest';
import { caseFold, groupPublishers } from './publishers.ts';
import { shortHash } from './slug.ts';
import { makeRecord as article } from '../../tests/unit/support/articles.ts';

const pages = (articles: Parameters<typeof groupPublishers>[0]) =>
  [...groupPublishers(articles).values()].map((p) => ({ slug: p.slug, name: p.name, domain: p.domain, ids: p.articles.map((a) => a.id) }));

describe('caseFold', () => {
  it('compares names after NFC and case folding', () => {
    expect(caseFold('ΝΈΑ')).toBe(caseFold('Νέα'));
    expect(caseFold('Νε\u0301α')).toBe(caseFold('Νέα'));
    expect(caseFold('ΝΕΑ ΤΟΥ ΚΟΣΜΟΣ')).toBe(caseFold('νεα του κοσμος'));
    expect(caseFold('Straße')).toBe(caseFold('STRASSE'));
    expect(caseFold('  Báo   Nhân dân ')).toBe('báo nhân dân');
  });
});

describe('groupPublishers', () => {
  it('gives a publisher whose name slugs to nothing a stable page of its own', () => {
    expect(pages([article('el/a', { publisher: { name: 'Νέα' } })])).toEqual([{ slug: `nea-${shortHash('νέα')}`, name: 'Νέα', domain: undefined, ids: ['el/a'] }]);
    expect(pages([article('fr/a', { publisher: { name: '★★★' } })])[0]?.slug).toMatch(/^[0-9a-f]{8}$/);
  });

  it('makes one page of names that differ only in case or Unicode form', () => {
    const grouped = pages([
      article('el/a', { publisher: { name: 'Νέα' } }),
      article('el/b', { publisher: { name: 'ΝΈΑ' } }),
      article('el/c', { publisher: { name: 'Νε\u0301α' } }),
    ]);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]).toMatchObject({ name: 'Νέα', ids: ['el/a', 'el/b', 'el/c'] });
  });

  it('joins a name-only file to the domain the same name is seen with elsewhere', () => {
    expect(
      pages([
        article('fr/a', { publisher: { name: 'Báo Nhân dân' } }),
        article('fr/b', { publisher: { name: 'Báo Nhân dân', domain: 'nhandan.vn' } }),
        article('fr/c', { publisher: { name: 'BÁO NHÂN DÂN' } }),
        article('fr/d', { publisher: { name: 'Nhân Dân', domain: 'nhandan.vn' } }),
      ]),
    ).toEqual([{ slug: 'nhandan-vn', name: 'Báo Nhân dân', domain: 'nhandan.vn', ids: ['fr/a', 'fr/b', 'fr/c', 'fr/d'] }]);
  });

  it('keeps publishers with different domains apart, and a name seen with two domains joins the more frequent', () => {
    const grouped = pages([
      article('fr/a', { publisher: { name: 'Hànộimới', domain: 'hanoimoi.vn' } }),
      article('fr/b', { publisher: { name: 'Hànộimới', domain: 'hanoimoi.com.vn' } }),
      article('fr/c', { publisher: { name: 'Hànộimới', domain: 'hanoimoi.com.vn' } }),
      article('fr/d', { publisher: { name: 'Hànộimới' } }),
    ]);
    expect(grouped.map((p) => [p.slug, p.ids])).toEqual([
      ['hanoimoi-vn', ['fr/a']],
      ['hanoimoi-com-vn', ['fr/b', 'fr/c', 'fr/d']],
    ]);
  });

  it('keeps the given order when two identities share a slug', () => {
    const grouped = pages([
      article('fr/a', { publisher: { name: 'Bao Nhan dan' } }),
      article('fr/b', { publisher: { name: 'Báo Nhân dân' } }),
      article('fr/c', { publisher: { name: 'Bao Nhan dan' } }),
    ]);
    expect(grouped).toEqual([{ slug: 'bao-nhan-dan', name: 'Bao Nhan dan', domain: undefined, ids: ['fr/a', 'fr/b', 'fr/c'] }]);
  });
});
