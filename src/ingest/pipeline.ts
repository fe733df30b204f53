import type { Article, BodyBlock, Lang } from '../schemas/article.ts';
import type { Topic } from '../schemas/topic.ts';
import { splitBlocks } from './steps/blocks.ts';
import { classifyBlocks, type ClassifiedBlock } from './steps/classify.ts';
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

/**
 * What the pipeline knows of a file so far. Each step reads the draft and returns what it
 * adds (or the reason the file is not an article); warnings accumulate in file order.
 */
interface Draft {
  file: string;
  bytes: Uint8Array;
  sha256: string;
  warnings: string[];
}

/** Why a file stops being a candidate article. */
interface Skip {
  skip: string;
}

const isSkip = (value: object): value is Skip => 'skip' in value;

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

/** Empty, over the size bound, or (with a warning) unusually large. */
function checkSize({ bytes, warnings }: Draft, maxBytes: number): Skip | undefined {
  if (bytes.length === 0) return { skip: 'empty: the file has no bytes' };
  if (bytes.length > maxBytes) {
    return { skip: `size: ${Math.round(bytes.length / 1024)} KB is over the ${Math.round(maxBytes / 1024)} KB limit for one article` };
  }
  if (bytes.length > LARGE_FILE_BYTES) warnings.push(`size: ${Math.round(bytes.length / 1024)} KB is unusually large for one article`);
  return undefined;
}

/** The text in whatever encoding it was written, or why it is not text. */
function readText({ bytes, warnings }: Draft): { text: string; encoding: string } | Skip {
  const decoded = decode(bytes);
  warnings.push(...decoded.warnings);
  if (garbageShare(decoded.text) > 0.05 || (decoded.encoding !== 'utf-8' && !decoded.encoding.startsWith('utf-16') && plausibility(decoded.text) < 0.6)) {
    return { skip: `binary: not text in any encoding tried (best guess ${decoded.encoding})` };
  }
  return { text: decoded.text, encoding: decoded.encoding };
}

interface Blocks {
  frontMatter: ReturnType<typeof splitFrontMatter>['frontMatter'];
  blocks: ClassifiedBlock[];
  /** The paragraphs and headings: the article's text. */
  body: BodyBlock[];
}

/** Front matter apart, markup removed, the rest named block by block. */
function readBlocks({ warnings }: Draft, text: string): Blocks | Skip {
  const { content, frontMatter, warnings: frontMatterWarnings } = splitFrontMatter(text.replace(/\r\n?/g, '\n'));
  warnings.push(...frontMatterWarnings);
  const normalized = normalizeText(content);
  if (normalized.hadHtml) warnings.push('html: markup left by the scraper was removed');
  if (normalized.text.trim() === '') return { skip: 'empty: only whitespace' };
  const blocks = classifyBlocks(splitBlocks(normalized.text));
  const body: BodyBlock[] = blocks
    .filter((block) => (block.kind === 'paragraph' || block.kind === 'heading') && block.text !== '')
    .map((block) => ({ kind: block.kind === 'heading' ? 'heading' : 'paragraph', text: block.text }));
  return { frontMatter, blocks, body };
}

/** The original's URL: the footer source line, else the front matter's. */
function findSource({ warnings }: Draft, { blocks, frontMatter }: Blocks): string | undefined {
  const footer = blocks.findLast((block) => block.kind === 'source');
  const sourceLines = blocks.filter((block) => block.kind === 'source');
  if (footer?.source.warning) warnings.push(footer.source.warning);
  if (footer?.wrapped !== undefined && footer.source.url) warnings.push(`source: the URL ran on to line ${footer.wrapped} and was joined: ${footer.source.url}`);
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
  return sourceUrl;
}

/** Enough article text, in an archived language; otherwise why not. */
function checkText({ blocks, body }: Blocks, sourceUrl: string | undefined): { bodyText: string; lang: Lang } | Skip {
  const bodyText = body.map((block) => block.text).join('\n');
  if (bodyText.length < MIN_BODY_CHARS) {
    // Untranslated files land here too (their lines read as Vietnamese alt text): say so.
    const untranslated = blocks.filter((block) => block.kind === 'alt-text' || block.kind === 'title' || block.kind === 'paragraph');
    const detection = detectLanguage(untranslated.map((block) => block.text).join('\n'));
    if (detection.lang === undefined && detection.detected !== 'und') return { skip: detection.reason };
    const titled = blocks.some((block) => block.kind === 'title');
    const what =
      (titled || body.length === 1) && sourceUrl
        ? 'title and link only'
        : body.length === 0
          ? 'only site furniture (header, publisher line, links, counters)'
          : `only ${bodyText.length} characters of text`;
    return { skip: `no article text: ${what}` };
  }
  const detection = detectLanguage(bodyText);
  if (detection.lang === undefined) return { skip: detection.reason };
  return { bodyText, lang: detection.lang };
}

/** Quoted, shortened lines, for evidence. */
const quote = (lines: readonly string[]): string => lines.map((line) => `"${shorten(line, 60)}"`).join(', ');

/** The title the file gives (a title line, else the front matter's), else one derived from the text; how, when it took a guess. */
function findTitle({ warnings }: Draft, { blocks, body, frontMatter }: Blocks, bodyText: string): Pick<Article, 'title' | 'titleSource' | 'titleEvidence'> {
  const titleBlock = blocks.find((block) => block.kind === 'title');
  const frontMatterTitle = frontMatter.title ? normalizeText(frontMatter.title).text.replace(/\s+/g, ' ').trim() : '';
  if (frontMatter.title && !/\p{L}/u.test(frontMatterTitle)) warnings.push('front-matter: title has no text once markup is removed, ignored');
  if (titleBlock) {
    const above = 'above' in titleBlock ? titleBlock.above : undefined;
    if (!above) return { title: titleBlock.text, titleSource: 'file' };
    const titleEvidence = `the line under ${quote(above)}, which read${above.length === 1 ? 's' : ''} as a kicker, category, byline or masthead above the headline`;
    warnings.push(`title: ${quote(above)} above the headline taken for a kicker, category, byline or masthead`);
    return { title: titleBlock.text, titleSource: 'file', titleEvidence };
  }
  if (/\p{L}/u.test(frontMatterTitle)) return { title: frontMatterTitle, titleSource: 'file' };
  // The first paragraph whose first sentence has words in it (a lead can be a lone "…").
  const title = body.map((block) => deriveTitle(block.text)).find((candidate) => /\p{L}/u.test(candidate)) ?? shorten(bodyText.replace(/\s+/g, ' '));
  return { title, titleSource: 'derived', titleEvidence: 'the file prints no headline: derived from the first sentence of the text' };
}

/**
 * One raw file to an article, or the reason it is not one. Pure: bytes and a path in, data
 * out; the same input always gives the same result. The steps, in order: size, text, blocks,
 * source, enough text in a known language, title, then the fields read from all of those.
 */
export function ingestFile(bytes: Uint8Array, file: string, taxonomy: CompiledTaxonomy | Topic[], options: IngestOptions = {}): FileOutcome<Article> {
  const sha256 = sha256Hex(bytes);
  const draft: Draft = { file, bytes, sha256, warnings: [] };
  const { warnings } = draft;
  const skipped = ({ skip }: Skip): FileOutcome<Article> => ({ file, status: 'skipped', reason: skip, warnings, sha256 });

  const tooBig = checkSize(draft, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (tooBig) return skipped(tooBig);
  const text = readText(draft);
  if (isSkip(text)) return skipped(text);
  const read = readBlocks(draft, text.text);
  if (isSkip(read)) return skipped(read);
  const sourceUrl = findSource(draft, read);
  const checked = checkText(read, sourceUrl);
  if (isSkip(checked)) return skipped(checked);
  const { bodyText, lang } = checked;
  const { title, titleSource, titleEvidence } = findTitle(draft, read, bodyText);

  const { blocks, body, frontMatter } = read;
  const lead = body.find((block) => block.kind === 'paragraph')?.text;
  const publisherLines = blocks.flatMap((block) => (block.kind === 'publisher' ? [block.publisher] : []));
  const date = chooseDate({ publisherLines, sourceUrl, lead, lang, fullText: [title, bodyText].join('\n'), frontMatterDate: frontMatter.date }, warnings);
  const publisher = resolvePublisher(publisherLines.find((line) => line.name !== undefined)?.name, sourceUrl);
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
      ...(titleEvidence ? { titleEvidence } : {}),
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
      raw: { path: file, sha256, bytes: bytes.length, encoding: text.encoding },
      warnings,
    },
    file,
  );
  return { file, status: 'kept', warnings, sha256, article };
}
