import { z } from 'astro/zod';
import { articleSchema } from './article.ts';
import { describeIssues } from './issues.ts';

/**
 * The ingest report file (`ingest-report.json`): what the ingest writes and the site's report
 * pages read, defined once so neither side restates the other's shape.
 */

export const OUTCOMES = ['kept', 'skipped', 'duplicate'] as const;
export type OutcomeStatus = (typeof OUTCOMES)[number];

/** One input file's outcome, flat, with a kept article's header fields and its page's path. */
const reportRecordSchema = articleSchema
  .pick({ id: true, lang: true, title: true, titleSource: true, date: true, dateSource: true, publisher: true, sourceUrl: true, translationKey: true })
  .partial()
  .extend({
    /** The input path, relative to the input folder. */
    file: z.string(),
    status: z.enum(OUTCOMES),
    reason: z.string().optional(),
    /** A duplicate's kept twin (its input path). */
    duplicateOf: z.string().optional(),
    warnings: z.array(z.string()),
    /** A kept article's page, as a site path; the site adds its base path in front. */
    url: z.string().optional(),
  });
export type ReportRecord = z.infer<typeof reportRecordSchema>;

const counts = z.record(z.string(), z.number().int().nonnegative());

const summarySchema = z.object({
  files: z.number().int().nonnegative(),
  status: z.object({ kept: z.number().int(), skipped: z.number().int(), duplicate: z.number().int() }),
  /** Kept articles per language. */
  languages: counts,
  /** Skip and duplicate reasons by kind (the text before the first colon). */
  reasons: counts,
  /** Warnings by kind. */
  warnings: counts,
});
export type Summary = z.infer<typeof summarySchema>;

const reportSchema = z.object({ summary: summarySchema, files: z.array(reportRecordSchema) });
export type Report = z.infer<typeof reportSchema>;

/** A report read from `file`, or an error naming the file and what is wrong. */
export function parseReport(data: unknown, file: string): Report {
  const result = reportSchema.safeParse(data);
  if (!result.success) throw new Error(`${file}: not an ingest report: ${describeIssues(result.error, '(report)')}`);
  return result.data;
}
