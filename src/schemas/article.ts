import { z } from 'astro/zod';
import { describeIssues } from './issues.ts';
import { ARTICLE_ID, LANGS, SLUG } from './langs.ts';

/**
 * The one definition of an archived article. The ingest validates every entry it writes
 * against it and `src/content.config.ts` loads the collection with it, so a field exists
 * in exactly one place.
 */

// Re-exported so the many modules that read an article find its languages beside it.
export { LANGS, perLang, type Lang } from './langs.ts';
const langSchema = z.enum(LANGS);

/** ISO calendar date of a day that exists (no 31 February), which every page can format. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    return month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'not a day of the calendar');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const bodyBlockSchema = z.object({
  kind: z.enum(['paragraph', 'heading']),
  text: z.string().min(1),
});
export type BodyBlock = z.infer<typeof bodyBlockSchema>;

export const topicAssignmentSchema = z.object({
  slug: z.string().regex(SLUG),
  /** Weighted number of matches; a topic is only assigned above its threshold. */
  score: z.number().nonnegative(),
  /** Which pattern matched and how often, so every assignment can be explained. */
  matches: z.array(z.object({ pattern: z.string(), count: z.number().int().positive() })),
});
export type TopicAssignment = z.infer<typeof topicAssignmentSchema>;

/** Longest title, in characters: a title line up to this length is read as the title. */
export const TITLE_MAX = 2000;

export const articleSchema = z.object({
  /** Permalink id: `<lang>/<slug>`, from the canonical source URL or the raw bytes' hash, never the title. */
  id: z.string().regex(ARTICLE_ID),
  lang: langSchema,
  title: z.string().min(1).max(TITLE_MAX),
  titleSource: z.enum(['file', 'derived']),
  /** How a title was chosen when that took a guess (lines above it passed over, or derived from the lead). */
  titleEvidence: z.string().optional(),
  /** The Vietnamese headline, when the file carries it as untranslated image alt text. */
  originalTitle: z.string().min(1).optional(),
  date: isoDate.optional(),
  dateSource: z.enum(['publisher-line', 'source-url', 'inferred']).optional(),
  /** What a date was read or inferred from, in words a reader can check. */
  dateEvidence: z.string().optional(),
  publisher: z
    .object({
      name: z.string().min(1),
      domain: z.string().min(1).optional(),
    })
    .optional(),
  sourceUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Shared by every language version of one original (same canonical source URL). */
  translationKey: z.string().min(1),
  byline: z.string().min(1).optional(),
  photoCredits: z.array(z.string().min(1)),
  tags: z.array(z.string().min(1)),
  /** References such as `18-NQ/TW` or `98/2023/QH15`, written alike in every language. */
  documentRefs: z.array(z.string().min(1)),
  topics: z.array(topicAssignmentSchema),
  body: z.array(bodyBlockSchema).min(1),
  raw: z.object({
    /** Path of the input file relative to the input folder, with `/` separators. */
    path: z.string().min(1),
    sha256,
    bytes: z.number().int().nonnegative(),
    encoding: z.string().min(1),
  }),
  warnings: z.array(z.string()),
});
export type Article = z.infer<typeof articleSchema>;

/** An article entry read from `file`, or an error naming the file and every field that is wrong. */
export function parseArticle(data: unknown, file: string): Article {
  const result = articleSchema.safeParse(data);
  if (!result.success) throw new Error(`${file}: the entry does not match the article schema: ${describeIssues(result.error, '(entry)')}`);
  return result.data;
}
