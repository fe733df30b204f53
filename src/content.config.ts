import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { afterGate } from './build/astro-gate.ts';
import { articleRecordsDir, articlesDir } from './config/archive.ts';
import { articleRecordSchema } from './lib/article-record.ts';
import { articleRecords } from './lib/record-loader.ts';
import { parseTaxonomy, TOPICS_FILE, topicSchema } from './schemas/topic.ts';

const articles = defineCollection({
  // Entries are JSON written by the ingest: their body is data, never Markdown, so nothing
  // scraped can be interpreted as markup and there is nothing to render. The collection holds
  // records without bodies; an article page reads its own entry (src/lib/article-record.ts).
  // The records are kept in the record store, not in Astro's (Astro writes its store whole
  // after any change): pages read them through archiveIndex(), never getCollection('articles').
  // Started beside the ingest, Astro waits here until the archive is written (src/build/astro-gate.ts).
  loader: afterGate(articleRecords(articlesDir, articleRecordsDir)),
  schema: articleRecordSchema,
});

// The curated taxonomy, id = slug; parsed by the same function the ingest uses. Document
// topics are not here: src/lib/document-topics.ts makes them from each article's references.
const topics = defineCollection({
  loader: file(TOPICS_FILE, { parser: (text) => parseTaxonomy(text) }),
  schema: topicSchema,
});

export const collections = { articles, topics };
