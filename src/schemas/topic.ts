import { z } from 'astro/zod';

/**
 * A topic is one thing whatever the language. Curated topics live in `content/topics.yaml`;
 * `document` topics are made from the references found in the text, so they are not listed there.
 */
export const TOPIC_KINDS = ['theme', 'person', 'place', 'organisation', 'document'] as const;
export const topicKindSchema = z.enum(TOPIC_KINDS);
export type TopicKind = z.infer<typeof topicKindSchema>;

const label = z.string().min(1);
export const topicLabelsSchema = z.object({ en: label, fr: label, ru: label, el: label });

export const topicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  kind: topicKindSchema,
  labels: topicLabelsSchema,
  description: z.string().min(1),
  /**
   * What to look for, per article language; `any` applies to every language (names written
   * in Latin script inside Greek or Russian text).
   */
  patterns: z.object({
    fr: z.array(z.string().min(1)).default([]),
    ru: z.array(z.string().min(1)).default([]),
    el: z.array(z.string().min(1)).default([]),
    any: z.array(z.string().min(1)).default([]),
  }),
  /** Score needed before the topic is assigned; a passing mention stays below it. */
  threshold: z.number().positive().optional(),
});
export type Topic = z.infer<typeof topicSchema>;

/** `18-NQ/TW` -> `doc-18-nq-tw`: the slug of the document topic made from a reference. */
export function documentTopicSlug(reference: string): string {
  const slug = reference
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `doc-${slug}`;
}
