import type { BodyBlock, Lang, TopicAssignment } from '../../schemas/article.ts';
import { LANGS } from '../../schemas/article.ts';
import { documentTopicSlug, type Topic, type TopicKind } from '../../schemas/topic.ts';

export { parseTaxonomy } from '../../schemas/topic.ts';
import { readPattern } from '../../lib/text/words.ts';
import { tokenize, toToken, type Token } from './stem.ts';
import { compareStrings } from '../../lib/sort.ts';

export interface TopicInput {
  lang: Lang;
  title: string;
  body: BodyBlock[];
  documentRefs: string[];
  tags: string[];
}

/** One pattern element: an exact stem, or (`word*`) a prefix of the folded word. */
interface PatternToken {
  value: string;
  prefix: boolean;
}

interface CompiledPattern {
  topic: number;
  source: string;
  tokens: PatternToken[];
}

/** Patterns grouped by how their first token is looked up. */
interface LanguageIndex {
  byStem: Map<string, CompiledPattern[]>;
  byPrefix: Map<string, CompiledPattern[]>;
}

export interface CompiledTaxonomy {
  topics: Topic[];
  languages: Record<Lang, LanguageIndex>;
}

// Prefix patterns are looked up by their first letters, so they need at least this many.
const PREFIX_KEY = 3;

function compilePattern(source: string, lang: Lang, topic: Topic, index: number): CompiledPattern {
  const tokens: PatternToken[] = [];
  for (const { written, parts, prefix } of readPattern(source, lang)) {
    if (parts.length === 0) {
      throw new Error(`topic "${topic.slug}": pattern "${source}" (${lang}) has a word with no letters: "${written}"`);
    }
    const words = parts.map((part) => toToken(part, lang));
    const last = words.length - 1;
    words.forEach((word, at) => {
      if (prefix && at === last) tokens.push({ value: word.folded, prefix: true });
      else tokens.push({ value: word.stem, prefix: false });
    });
    // A leading prefix is the index key, so it needs PREFIX_KEY letters; later ones only
    // need to be more than one letter to mean anything.
    const minimum = tokens.length === words.length ? PREFIX_KEY : 2;
    if (prefix && words[last]!.folded.length < minimum) {
      throw new Error(`topic "${topic.slug}": prefix "${written}" in pattern "${source}" (${lang}) needs at least ${minimum} letters before the *`);
    }
  }
  if (tokens.length === 0) throw new Error(`topic "${topic.slug}": pattern "${source}" (${lang}) is empty`);
  return { topic: index, source, tokens };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the lookup tables once; matching an article then costs one map lookup per word. */
export function compileTaxonomy(topics: Topic[]): CompiledTaxonomy {
  const languages = {} as Record<Lang, LanguageIndex>;
  for (const lang of LANGS) {
    const index: LanguageIndex = { byStem: new Map(), byPrefix: new Map() };
    topics.forEach((topic, topicIndex) => {
      for (const source of [...topic.patterns[lang], ...topic.patterns.any]) {
        const pattern = compilePattern(source, lang, topic, topicIndex);
        const first = pattern.tokens[0]!;
        if (first.prefix) push(index.byPrefix, first.value.slice(0, PREFIX_KEY), pattern);
        else push(index.byStem, first.value, pattern);
      }
    });
    languages[lang] = index;
  }
  return { topics, languages };
}

const compiledCache = new WeakMap<Topic[], CompiledTaxonomy>();

function compiled(taxonomy: Topic[] | CompiledTaxonomy): CompiledTaxonomy {
  if (!Array.isArray(taxonomy)) return taxonomy;
  let result = compiledCache.get(taxonomy);
  if (!result) {
    result = compileTaxonomy(taxonomy);
    compiledCache.set(taxonomy, result);
  }
  return result;
}

function tokenMatches(pattern: PatternToken, token: Token): boolean {
  return pattern.prefix ? token.folded.startsWith(pattern.value) : token.stem === pattern.value;
}

function matchesAt(pattern: CompiledPattern, tokens: Token[], start: number): boolean {
  if (start + pattern.tokens.length > tokens.length) return false;
  return pattern.tokens.every((patternToken, offset) => tokenMatches(patternToken, tokens[start + offset]!));
}

/**
 * Where a word counts more: a topic named in the title or the tag line is what the article
 * is about; the lead (first paragraph) says who, where and what; a subheading names a section.
 */
const WEIGHTS = { title: 3, tag: 3, heading: 2, lead: 2, paragraph: 1 } as const;

interface Tally {
  score: number;
  counts: Map<string, number>;
}

/**
 * Leftmost-longest matching: at each word the longest pattern wins and its words are used
 * up, so "Hô Chi Minh-Ville" counts for the city and not also for the person.
 */
function scanText(text: string, weight: number, lang: Lang, taxonomy: CompiledTaxonomy, tallies: Map<number, Tally>): number {
  const tokens = tokenize(text, lang);
  const { byStem, byPrefix } = taxonomy.languages[lang];
  let position = 0;
  while (position < tokens.length) {
    const token = tokens[position]!;
    let best: CompiledPattern[] = [];
    let bestLength = 0;
    const candidates = [byStem.get(token.stem), byPrefix.get(token.folded.slice(0, PREFIX_KEY))];
    for (const list of candidates) {
      if (!list) continue;
      for (const pattern of list) {
        const length = pattern.tokens.length;
        if (length < bestLength || !matchesAt(pattern, tokens, position)) continue;
        if (length > bestLength) {
          best = [pattern];
          bestLength = length;
        } else {
          best.push(pattern);
        }
      }
    }
    if (bestLength === 0) {
      position += 1;
      continue;
    }
    const countedTopics = new Set<number>();
    for (const pattern of best) {
      if (countedTopics.has(pattern.topic)) continue;
      countedTopics.add(pattern.topic);
      let tally = tallies.get(pattern.topic);
      if (!tally) {
        tally = { score: 0, counts: new Map() };
        tallies.set(pattern.topic, tally);
      }
      tally.score += weight;
      tally.counts.set(pattern.source, (tally.counts.get(pattern.source) ?? 0) + 1);
    }
    position += bestLength;
  }
  return tokens.length;
}

/**
 * Default score a topic needs, per kind, in an article of up to REFERENCE_WORDS words. A name
 * said once in passing (1, or 2 in the lead) stays below 2; a theme needs more than one stock
 * phrase, since MT prose repeats them.
 */
const BASE_THRESHOLD: Record<Exclude<TopicKind, 'document'>, number> = {
  theme: 3,
  person: 2,
  place: 2,
  organisation: 2,
};
/**
 * Longer articles mention more in passing, so past this length thresholds grow, with the
 * square root of the length: the main topics' mentions grow more slowly than the text.
 */
const REFERENCE_WORDS = 1500;

export interface TopicScore extends TopicAssignment {
  kind: TopicKind;
  threshold: number;
  assigned: boolean;
}

function sortAssignments<T extends { slug: string; score: number }>(list: T[]): T[] {
  return list.sort((a, b) => b.score - a.score || compareStrings(a.slug, b.slug));
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/**
 * Every topic that matched at all, with its score, threshold and whether it is assigned:
 * what `--explain` prints. `assignTopics` keeps the assigned ones.
 */
export function scoreTopics(article: TopicInput, taxonomy: Topic[] | CompiledTaxonomy): TopicScore[] {
  const compiledTaxonomy = compiled(taxonomy);
  const tallies = new Map<number, Tally>();
  let words = scanText(article.title, WEIGHTS.title, article.lang, compiledTaxonomy, tallies);
  for (const tag of article.tags) scanText(tag, WEIGHTS.tag, article.lang, compiledTaxonomy, tallies);
  const lead = article.body.find((block) => block.kind === 'paragraph');
  for (const block of article.body) {
    const weight = block === lead ? WEIGHTS.lead : WEIGHTS[block.kind];
    words += scanText(block.text, weight, article.lang, compiledTaxonomy, tallies);
  }
  const lengthFactor = Math.sqrt(Math.max(1, words / REFERENCE_WORDS));

  const scores: TopicScore[] = [];
  for (const [index, tally] of tallies) {
    const topic = compiledTaxonomy.topics[index]!;
    const kind = topic.kind === 'document' ? 'theme' : topic.kind;
    const threshold = Math.round((topic.threshold ?? BASE_THRESHOLD[kind]) * lengthFactor * 100) / 100;
    const matches = [...tally.counts]
      .map(([pattern, count]) => ({ pattern, count }))
      .sort((a, b) => b.count - a.count || compareStrings(a.pattern, b.pattern));
    scores.push({ slug: topic.slug, kind: topic.kind, score: tally.score, matches, threshold, assigned: tally.score >= threshold });
  }

  // A reference is exact and written alike in every language, so any mention ties the
  // article to the document.
  const fullText = [article.title, ...article.tags, ...article.body.map((block) => block.text)].join('\n');
  const documents = new Map<string, TopicScore>();
  for (const reference of article.documentRefs) {
    const slug = documentTopicSlug(reference);
    if (documents.has(slug)) continue;
    const count = Math.max(1, countOccurrences(fullText, reference));
    documents.set(slug, {
      slug,
      kind: 'document',
      score: count,
      matches: [{ pattern: reference, count }],
      threshold: 0,
      assigned: true,
    });
  }
  return sortAssignments([...scores, ...documents.values()]);
}

/** The topics an article gets, highest score first (ties by slug), each with its evidence. */
export function assignTopics(article: TopicInput, taxonomy: Topic[] | CompiledTaxonomy): TopicAssignment[] {
  return scoreTopics(article, taxonomy)
    .filter((score) => score.assigned)
    .map(({ slug, score, matches }) => ({ slug, score, matches }));
}
