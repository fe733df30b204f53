import { z } from 'astro/zod';
import { describeIssues } from './issues.ts';
import { parse as parseYaml } from 'yaml';
import { LANGS, perLang, SLUG } from './langs.ts';
import { slugify } from '../lib/slug.ts';
import { errorMessage } from '../lib/errors.ts';

/**
 * A topic is one thing whatever the language. Curated topics live in `content/topics.yaml`;
 * `document` topics are made from the references found in the text, so they are not listed there.
 */
export const TOPIC_KINDS = ['theme', 'person', 'place', 'organisation', 'document'] as const;
const topicKindSchema = z.enum(TOPIC_KINDS);
export type TopicKind = z.infer<typeof topicKindSchema>;

const label = z.string().min(1);
const topicLabelsSchema = z.object({ en: label, ...perLang(() => label) });

const patternList = z.array(z.string().min(1)).default([]);

export const topicSchema = z.object({
  slug: z.string().regex(SLUG),
  kind: topicKindSchema,
  labels: topicLabelsSchema,
  description: z.string().min(1),
  /**
   * What to look for, per article language; `any` applies to every language (names written
   * in Latin script inside Greek or Russian text).
   */
  patterns: z.object({
    ...perLang(() => patternList),
    any: patternList,
  }),
  /** Score needed before the topic is assigned; a passing mention stays below it. */
  threshold: z.number().positive().optional(),
});
export type Topic = z.infer<typeof topicSchema>;

/** `18-NQ/TW` -> `doc-18-nq-tw`: the slug of the document topic made from a reference. */
export function documentTopicSlug(reference: string): string {
  return `doc-${slugify(reference)}`;
}

/** Where the curated taxonomy lives, relative to the project root. */
export const TOPICS_FILE = 'content/topics.yaml';

/**
 * Parses and validates the taxonomy file. The ingest and the `topics` collection both read it
 * through here, so they cannot disagree; the error names the file, the topic and the field.
 */
export function parseTaxonomy(yamlText: string, source = TOPICS_FILE): Topic[] {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    throw new Error(`${source}: not valid YAML: ${errorMessage(error)}`);
  }
  if (!Array.isArray(data)) throw new Error(`${source}: expected a list of topics at the top level`);
  const topics: Topic[] = [];
  const seen = new Set<string>();
  data.forEach((entry: unknown, index) => {
    const name =
      typeof entry === 'object' && entry !== null && 'slug' in entry && typeof entry.slug === 'string'
        ? `topic "${entry.slug}"`
        : `topic #${index + 1}`;
    const result = topicSchema.safeParse(entry);
    if (!result.success) {
      throw new Error(`${source}: ${name} is invalid: ${describeIssues(result.error, '(topic)')}`);
    }
    const topic = result.data;
    if (topic.kind === 'document') {
      throw new Error(`${source}: ${name}: document topics are made from references, not listed`);
    }
    if (seen.has(topic.slug)) throw new Error(`${source}: ${name} is listed twice`);
    seen.add(topic.slug);
    const patternCount = LANGS.reduce((sum, lang) => sum + topic.patterns[lang].length, topic.patterns.any.length);
    if (patternCount === 0) throw new Error(`${source}: ${name} has no patterns, so it can never match`);
    topics.push(topic);
  });
  return topics;
}
