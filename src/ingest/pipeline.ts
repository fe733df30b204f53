import type { Article, BodyBlock } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';
import { splitBlocks } from './steps/blocks.ts';
import { classifyBlocks } from './steps/classify.ts';
import { DEFAULT_MAX_BYTES, LARGE_FILE_BYTES, MIN_BODY_CHARS } from './constants.ts';
import { decode, plausibility } from './steps/decode.ts';
import { articleId, buildArticle, sha256Hex, translationKey } from './steps/entry.ts';
import { chooseDate } from './extract/date.ts';
import { resolvePublisher } from './extract/publisher.ts';
import { extractRefs } from './extract/refs.ts';
import { canonicalizeUrl } from './extract/source-url.ts';
import { splitTags } from './extract/tags.ts';
import { deriveTitle, shorten } from './extract/title.ts';
import { splitFrontMatter } from './steps/frontmatter.ts';
import { detectLanguage } from './steps/language.ts';
import { normalizeText } from './steps/normalize.ts';
import { assignTopics, type CompiledTaxonomy } from './steps/topics.ts';
import type { FileOutcome } from './outcome.ts';

export interface IngestOptions {
  maxBytes?: number;
}

function skipped(file: string, sha256: string, reason: string, warnings: string[]): FileOutcome<Article> {
  return { file, status: 'skipped', reason, warnings, sha256 };
}

/** Share of characters that are controls or replacement characters: text files have almost none. */
function garbageShare(text: string): number {
  const sample = text.slice(0, 64 * 1024);
  if (sample.length === 0) return 0;
  // eslint-disable-next-line no-control-regex
  const garbage = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return garbage / sample.length;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * One raw file to an article, or the reason it is not one. Pure: bytes and a path in, data
 * out; the same input always gives the same result.
 */
export function ingestFile(bytes: Uint8Array, file: string, taxonomy: CompiledTaxonomy | Topic[], options: IngestOptions = {}): FileOutcome<Article> {
  const sha256 = sha256Hex(bytes);
  const warnings: string[] = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) return skipped(file, sha256, 'empty: the file has no bytes', warnings);
  if (bytes.length > maxBytes) {
    return skipped(file, sha256, `size: ${Math.round(bytes.length / 1024)} KB is over the ${Math.round(maxBytes / 1024)} KB limit for one article`, warnings);
  }
  if (bytes.length > LARGE_FILE_BYTES) warnings.push(`size: ${Math.round(bytes.length / 1024)} KB is unusually large for one article`);

  const decoded = decode(bytes);
  warnings.push(...decoded.warnings);
  if (garbageShare(decoded.text) > 0.05 || (decoded.encoding !== 'utf-8' && !decoded.encoding.startsWith('utf-16') && plausibility(decoded.text) < 0.6)) {
    return skipped(file, sha256, `binary: not text in any encoding tried (best guess ${decoded.encoding})`, warnings);
  }

  const { content, frontMatter, warnings: frontMatterWarnings } = splitFrontMatter(decoded.text.replace(/\r\n?/g, '\n'));
  warnings.push(...frontMatterWarnings);
  const normalized = normalizeText(content);
  if (normalized.hadHtml) warnings.push('html: markup left by the scraper was removed');
  if (normalized.text.trim() === '') return skipped(file, sha256, 'empty: only whitespace', warnings);

  const blocks = classifyBlocks(splitBlocks(normalized.text));
  const body: BodyBlock[] = blocks
    .filter((block) => (block.kind === 'paragraph' || block.kind === 'heading') && block.text !== '')
    .map((block) => ({ kind: block.kind === 'heading' ? 'heading' : 'paragraph', text: block.text }));

  const footer = blocks.findLast((block) => block.kind === 'source');
  const sourceLines = blocks.filter((block) => block.kind === 'source');
  if (footer?.source.warning) warnings.push(footer.source.warning);
  let sourceUrl = footer?.source.url;
  if (sourceLines.length > 1 && new Set(sourceLines.map((block) => block.source.value)).size > 1) {
    warnings.push(`source: ${sourceLines.length} source lines; the last (footer) one is used`);
  }
  if (!sourceUrl && frontMatter.url) {
    const fromFrontMatter = canonicalizeUrl(frontMatter.url);
    if ('url' in fromFrontMatter) sourceUrl = fromFrontMatter.url;
    else warnings.push(fromFrontMatter.warning.replace(/^source: /, 'source: front matter: '));
  }
  if (!footer && !frontMatter.url) warnings.push('source: no source line');

  const titleBlock = blocks.find((block) => block.kind === 'title');
  const bodyText = body.map((block) => block.text).join('\n');
  if (bodyText.length < MIN_BODY_CHARS) {
    // Untranslated files land here too (their lines read as Vietnamese alt text): say so.
    const untranslated = blocks.filter((block) => block.kind === 'alt-text' || block.kind === 'title' || block.kind === 'paragraph');
    const detection = detectLanguage(untranslated.map((block) => block.text).join('\n'));
    if (detection.lang === undefined && detection.detected !== 'und') return skipped(file, sha256, detection.reason, warnings);
    const what =
      (titleBlock || body.length === 1) && sourceUrl
        ? 'title and link only'
        : body.length === 0
          ? 'only site furniture (header, publisher line, links, counters)'
          : `only ${bodyText.length} characters of text`;
    return skipped(file, sha256, `no article text: ${what}`, warnings);
  }

  const detection = detectLanguage(bodyText);
  if (detection.lang === undefined) return skipped(file, sha256, detection.reason, warnings);
  const lang = detection.lang;

  const lead = body.find((block) => block.kind === 'paragraph')?.text;
  const frontMatterTitle = frontMatter.title ? normalizeText(frontMatter.title).text.replace(/\s+/g, ' ').trim() : '';
  if (frontMatter.title && !/\p{L}/u.test(frontMatterTitle)) warnings.push('front-matter: title has no text once markup is removed, ignored');
  let title: string;
  let titleSource: Article['titleSource'];
  if (titleBlock) {
    title = titleBlock.text;
    titleSource = 'file';
  } else if (/\p{L}/u.test(frontMatterTitle)) {
    title = frontMatterTitle;
    titleSource = 'file';
  } else {
    // The first paragraph whose first sentence has words in it (a lead can be a lone "…").
    title = body.map((block) => deriveTitle(block.text)).find((candidate) => /\p{L}/u.test(candidate)) ?? shorten(bodyText.replace(/\s+/g, ' '));
    titleSource = 'derived';
  }

  const publisherLines = blocks.flatMap((block) => (block.kind === 'publisher' ? [block.publisher] : []));
  const date = chooseDate({ publisherLines, sourceUrl, lead, lang, fullText: [title, bodyText].join('\n'), frontMatterDate: frontMatter.date }, warnings);
  const publisherLine = blocks.find((block) => block.kind === 'publisher')?.publisher;
  const publisher = resolvePublisher(publisherLine?.name, sourceUrl);
  const tags = unique(blocks.filter((block) => block.kind === 'tags').flatMap((block) => splitTags(block.text, lang)));
  const documentRefs = extractRefs([title, ...body.map((block) => block.text), ...tags]);
  const photoCredits = unique(blocks.flatMap((block) => ('credit' in block && block.credit ? [block.credit] : [])));
  const originalTitle = blocks.flatMap((block) => ('originalTitle' in block && block.originalTitle ? [block.originalTitle] : []))[0];
  const byline = blocks.find((block) => block.kind === 'byline')?.text;
  const topics = assignTopics({ lang, title, body, documentRefs, tags }, taxonomy);

  const article = buildArticle(
    {
      id: articleId(lang, sourceUrl, sha256),
      lang,
      title,
      titleSource,
      ...(originalTitle ? { originalTitle } : {}),
      ...(date ? { date: date.finding.date, dateSource: date.source, dateEvidence: date.finding.evidence } : {}),
      ...(publisher ? { publisher } : {}),
      ...(sourceUrl ? { sourceUrl } : {}),
      translationKey: translationKey(sourceUrl, sha256),
      ...(byline ? { byline } : {}),
      photoCredits,
      tags,
      documentRefs,
      topics,
      body,
      raw: { path: file, sha256, bytes: bytes.length, encoding: decoded.encoding },
      warnings,
    },
    file,
  );
  return { file, status: 'kept', warnings, sha256, article };
}
