import { readFileSync } from 'node:fs';
import type { BodyBlock, Lang } from '../../../src/schemas/article.ts';
import type { TopicInput } from '../../../src/ingest/steps/topics.ts';

const SOURCE_LINE = /^(?:Source|Источник|Πηγή)\s*:/;
const NOT_CONTENT = [
  /^Vietnam\.vn - /,
  /\d{2}\/\d{2}\/\d{4}$/, // publisher + date line
  /\.(?:jpe?g|png|webp)$/i, // image file name
  /^\[[^\]]+\]$/, // advertisement placeholder
  /- Ảnh \d+\.$/, // untranslated image alt text
  /^Photo\s*:/,
];

/**
 * A sample raw file as the topic matcher's input, cut the way docs/raw-format.md describes (nothing
 * after the source line, no chrome lines), so these tests do not wait on the ingest.
 */
export function sampleArticle(
  path: string,
  lang: Lang,
  options: { hasTitle: boolean; tagLines?: number; documentRefs: string[] },
): TopicInput {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).map((line) => line.trim());
  const end = lines.findIndex((line) => SOURCE_LINE.test(line));
  const content = lines
    .slice(0, end === -1 ? lines.length : end)
    .filter((line) => line !== '' && !NOT_CONTENT.some((pattern) => pattern.test(line)));
  const unique = content.filter((line, index) => content.indexOf(line) === index);
  const title = options.hasTitle ? (unique.shift() ?? '') : '';
  const tags = unique.splice(0, options.tagLines ?? 0);
  const body: BodyBlock[] = unique.map((text) => ({ kind: 'paragraph', text }));
  return { lang, title, body, tags, documentRefs: options.documentRefs };
}
