import { z } from 'astro/zod';
import { articleSchema } from '../schemas/article.ts';

/**
 * The JSON Schema of one line of the dump, generated from the one zod schema so it cannot
 * drift from what the ingest validates. Checks zod cannot express in JSON Schema (a date
 * that exists in the calendar) are left out: the schema accepts a little more, never less.
 */
export function articleJsonSchema(): string {
  const schema = z.toJSONSchema(articleSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Archived article', description: 'One entry of the archive, as one line of articles.jsonl.gz holds it.' }, null, 2)}\n`;
}
