import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { errorMessage } from '../../lib/errors.ts';

/** What a scraping tool's front matter tells us; evidence only, checked like the text itself. */
interface FrontMatter {
  url?: string;
  title?: string;
  date?: string;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  return undefined;
}

function parseYamlMapping(source: string): object {
  // Unknown tags (`!!js/function`) stay plain strings; yaml's console warnings would only be noise.
  const data: unknown = parseYaml(source, { maxAliasCount: 10, logLevel: 'error' });
  return typeof data === 'object' && data !== null ? data : {};
}

/**
 * Splits off YAML front matter (`---` on the first line, `---` closing it). Only the plain
 * `---` opener is accepted, so gray-matter's `---js` language switch (which evaluates code)
 * can never be reached; YAML goes through the `yaml` package. Malformed front matter is a
 * warning and the text is kept as it was.
 */
export function splitFrontMatter(text: string): { content: string; frontMatter: FrontMatter; warnings: string[] } {
  if (!/^---[ ]*\n/.test(text)) return { content: text, frontMatter: {}, warnings: [] };
  if (!/\n---[ ]*(\n|$)/.test(text.slice(3))) {
    return { content: text, frontMatter: {}, warnings: ['front-matter: opening --- without a closing ---, read as text'] };
  }
  try {
    const parsed = matter(text, { engines: { yaml: { parse: parseYamlMapping } } });
    const data = parsed.data as Record<string, unknown>;
    const frontMatter: FrontMatter = {};
    const url = asText(data.url ?? data.source ?? data.link ?? data.canonical);
    const title = asText(data.title);
    const date = asText(data.date ?? data.published ?? data.published_at);
    if (url) frontMatter.url = url;
    if (title) frontMatter.title = title;
    if (date) frontMatter.date = date;
    return { content: parsed.content, frontMatter, warnings: [] };
  } catch (error) {
    const reason = errorMessage(error).split('\n')[0] ?? 'unreadable';
    const end = text.indexOf('\n---', 3);
    const after = text.indexOf('\n', end + 4);
    return {
      content: after === -1 ? '' : text.slice(after + 1),
      frontMatter: {},
      warnings: [`front-matter: not valid YAML, ignored (${reason})`],
    };
  }
}
