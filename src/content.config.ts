import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { articlesDir } from './config/archive.ts';
import { articleSchema } from './schemas/article.ts';
import { parseTaxonomy, TOPICS_FILE, topicSchema } from './schemas/topic.ts';

const articles = defineCollection({
  // Entries are JSON written by the ingest: their body is data, never Markdown, so nothing
  // scraped can be interpreted as markup and there is nothing to render.
  loader: glob({
    base: articlesDir,
    pattern: '**/*.json',
    generateId: ({ entry }) => entry.replace(/\.json$/, ''),
  }),
  schema: articleSchema,
});

// The curated taxonomy, id = slug; parsed by the same function the ingest uses. Document
// topics are not here: src/lib/document-topics.ts makes them from each article's references.
const topics = defineCollection({
  loader: file(TOPICS_FILE, { parser: (text) => parseTaxonomy(text) }),
  schema: topicSchema,
});

export const collections = { articles, topics };
