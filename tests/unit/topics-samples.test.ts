import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/schemas/article.ts';
import { parseTaxonomy } from '../../src/schemas/topic.ts';
import { ingestFile } from '../../src/ingest/pipeline.ts';
import { assignTopics, scoreTopics, type TopicInput } from '../../src/ingest/steps/topics.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const taxonomy = parseTaxonomy(readFileSync(root('content/topics.yaml'), 'utf8'));
const kindOf = new Map(taxonomy.map((topic) => [topic.slug, topic.kind]));

/** A sample raw file as the topic matcher sees it: what the ingest made of it. */
function sampleInput(file: string): TopicInput & { titleSource: string } {
  const outcome = ingestFile(new Uint8Array(readFileSync(root(`content/raw/${file}.txt`))), `${file}.txt`, taxonomy);
  if (!outcome.article) throw new Error(`${file}: the ingest did not keep it (${outcome.reason ?? 'no reason'})`);
  const { lang, title, titleSource, body, tags, documentRefs } = outcome.article;
  return { lang, title, titleSource, body, tags, documentRefs };
}

interface Expectation {
  file: string;
  lang: Lang;
  hasTitle: boolean;
  documentRefs: string[];
  present: string[];
  absent: string[];
}

const SAMPLES: Expectation[] = [
  {
    file: '000_647adb3486ad43d7',
    lang: 'fr',
    hasTitle: true,
    documentRefs: ['18-NQ/TW', '98/2023/QH15', '09-KL/BCĐ', '01-DA/TU'],
    present: [
      'ho-chi-minh-city',
      'nguyen-ho-hai',
      'party-building',
      'streamlining-apparatus',
      'digital-transformation',
      'administrative-reform',
      'mass-mobilisation',
      'legislation',
      'national-assembly',
      'doc-18-nq-tw',
      'doc-98-2023-qh15',
      'doc-09-kl-bcd',
    ],
    // "l'espace culturel Ho Chi Minh" names the man twice, in passing, in a story about the city.
    absent: ['hanoi', 'to-lam', 'ho-chi-minh', 'ninh-thuan', 'emulation-movements'],
  },
  {
    file: '001_508e9a579cab8ace',
    lang: 'fr',
    hasTitle: false,
    documentRefs: ['35-CT/TW'],
    // To Lam's second mention is the photo caption, which the ingest keeps out of the body.
    present: [
      'ninh-thuan',
      'pham-van-hau',
      'party-building',
      'party-congresses',
      '14th-national-congress',
      'politburo',
      'secretariat',
      'doc-35-ct-tw',
    ],
    // "une importance capitale" is not Hanoi, the capital.
    absent: ['hanoi', 'ho-chi-minh-city', 'emulation-movements', 'foreign-affairs'],
  },
  {
    file: '002_71d977bec0ddab80',
    lang: 'ru',
    hasTitle: true,
    documentRefs: [],
    present: ['hanoi', 'nguyen-duy-ngoc', 'decentralisation', 'party-congresses', 'inspection-discipline', 'politburo'],
    // To Lam is named once; "corruption, waste and negativity" is one stock phrase.
    absent: ['to-lam', 'anti-corruption', 'ho-chi-minh-city', 'emulation-movements'],
  },
  {
    file: '003_736dc36327812824',
    lang: 'fr',
    hasTitle: true,
    documentRefs: ['18-NQ/TW'],
    present: [
      'politburo',
      'secretariat',
      'central-committee',
      'to-lam',
      'streamlining-apparatus',
      '14th-national-congress',
      'fatherland-front',
      'doc-18-nq-tw',
    ],
    absent: ['hanoi', 'ho-chi-minh-city', 'emulation-movements', 'digital-transformation'],
  },
  {
    file: '004_eccd677ccf18e2ae',
    lang: 'el',
    hasTitle: false,
    documentRefs: ['15-NQ/TW', '21-NQ/TW', '137-QD/TW'],
    present: [
      'hanoi',
      'emulation-movements',
      'party-building',
      'nguyen-van-phong',
      'phu-tho',
      'tuyen-quang',
      'lao-cai',
      'doc-15-nq-tw',
    ],
    // Named once each in a list of fourteen provinces, or once in passing.
    absent: ['dien-bien', 'lang-son', 'vinh-phuc', 'thai-nguyen', 'ho-chi-minh', 'politburo', 'to-lam'],
  },
];

describe.each(SAMPLES)('sample $file ($lang)', (sample) => {
  const input = sampleInput(sample.file);
  const slugs = assignTopics(input, taxonomy).map((assignment) => assignment.slug);

  it('is read as the language, title and references the topics are matched in', () => {
    expect([input.lang, input.titleSource]).toEqual([sample.lang, sample.hasTitle ? 'file' : 'derived']);
    expect([...input.documentRefs].sort()).toEqual([...sample.documentRefs].sort());
  });

  it('gets the themes, people, places, organisations and documents it is about', () => {
    expect(slugs).toEqual(expect.arrayContaining(sample.present));
  });

  it('does not get topics it only mentions in passing or not at all', () => {
    expect(slugs.filter((slug) => sample.absent.includes(slug))).toEqual([]);
  });

  it('lands in at least two themes', () => {
    expect(slugs.filter((slug) => kindOf.get(slug) === 'theme').length).toBeGreaterThanOrEqual(2);
  });
});

describe('sample 003', () => {
  it('does not read the mistranslation "To Do" as To Lam', () => {
    const input = sampleInput('003_736dc36327812824');
    const toLam = scoreTopics(input, taxonomy).find((score) => score.slug === 'to-lam');
    expect(input.body.some((block) => block.text.includes('secrétaire général To Do'))).toBe(true);
    expect(toLam?.matches).toEqual([{ pattern: 'To Lam', count: 2 }]);
  });
});
