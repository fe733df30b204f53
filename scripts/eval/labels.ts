/**
 * The labelled set: raw files with the values a careful reader takes from them. One YAML file
 * lists them; paths are relative to the repository root.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { LANGS } from '../../src/schemas/article.ts';
import { describeIssues } from '../../src/schemas/issues.ts';

const labelSchema = z
  .object({
    file: z.string().min(1),
    /** The kind of layout or problem the file stands for, to group misses by. */
    class: z.string().min(1),
    status: z.enum(['kept', 'skipped']),
    lang: z.enum(LANGS).optional(),
    /** The headline the file prints; `null`: the file has none, so a derived one is right. */
    title: z.string().min(1).nullable().optional(),
    /** The publication date the file states or lets a reader work out; `null`: none can be. */
    date: z.iso.date().nullable().optional(),
    source: z.url().nullable().optional(),
    /** The publisher's name as the archive shows it. */
    publisher: z.string().min(1).nullable().optional(),
    /** Files with the same group are translations of one original; every other file is alone. */
    group: z.string().min(1).optional(),
    /** Lines of site chrome: none may reach the body. */
    chrome: z.array(z.string().min(1)).default([]),
    /** Article text that must reach the body. */
    body: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Label = z.infer<typeof labelSchema>;

/** The labels in `file`, or an error naming the file and each bad entry. */
export function readLabels(file: string): Label[] {
  const data: unknown = parse(readFileSync(file, 'utf8'));
  const result = z.array(labelSchema).safeParse(data);
  if (!result.success) throw new Error(`${file}: not a list of labels: ${describeIssues(result.error, '(labels)')}`);
  const seen = new Set<string>();
  for (const label of result.data) {
    if (seen.has(label.file)) throw new Error(`${file}: ${label.file} is labelled twice`);
    seen.add(label.file);
    if (label.status === 'kept' && (label.lang === undefined || label.title === undefined || label.date === undefined)) {
      throw new Error(`${file}: ${label.file} is kept but lacks lang, title or date (write null for "none")`);
    }
  }
  return result.data;
}
