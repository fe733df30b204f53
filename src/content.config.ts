import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articlesDir } from './config/archive.ts';
import { articleSchema } from './schemas/article.ts';

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

export const collections = { articles };
