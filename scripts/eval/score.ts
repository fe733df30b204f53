/**
 * Scores the ingest on the labelled set, the way trafilatura's evaluation scores an extractor:
 * per field, how many files it got right, and for the fields a file may lack (a title line,
 * a date, a source, a publisher) precision (of the values it gave, how many are right) and
 * recall (of the values there are, how many it gave right). Body text is scored by snippets,
 * as there: chrome lines that must stay out, article text that must stay in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../src/schemas/article.ts';
import { ingestFile } from '../../src/ingest/pipeline.ts';
import type { Label } from './labels.ts';

export const FIELDS = ['status', 'language', 'title', 'date', 'source', 'publisher', 'groups', 'chrome out of body', 'text in body', 'no invented date'] as const;
export type Field = (typeof FIELDS)[number];

export interface Tally {
  /** Items scored: files, or snippets for the body fields. */
  n: number;
  correct: number;
  /** Values the ingest gave (a date, a file title...), for precision; undefined where every file has one. */
  given?: number;
  givenRight?: number;
  /** Values the files hold, for recall. */
  wanted?: number;
  wantedRight?: number;
}

export interface Miss {
  file: string;
  class: string;
  field: Field;
  found: string;
  wanted: string;
}

export interface Score {
  files: number;
  tallies: Record<Field, Tally>;
  misses: Miss[];
}

const show = (value: string | null | undefined): string => (value === undefined || value === null ? '(none)' : value);

/** The ingest's result for one labelled file, as the fields the labels name. */
interface Found {
  status: 'kept' | 'skipped';
  reason?: string;
  article?: Article;
}

function ingestLabelled(root: string, label: Label): Found {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, label.file));
  } catch (error) {
    throw new Error(`${label.file}: labelled but not readable (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const outcome = ingestFile(bytes, label.file, []);
  return outcome.status === 'kept' && outcome.article ? { status: 'kept', article: outcome.article } : { status: 'skipped', ...(outcome.reason ? { reason: outcome.reason } : {}) };
}

function emptyTallies(): Record<Field, Tally> {
  return Object.fromEntries(FIELDS.map((field) => [field, { n: 0, correct: 0 }])) as unknown as Record<Field, Tally>;
}

/**
 * One optional field: right when the value matches (both absent counts as right); counted
 * for precision when the ingest gave a value, for recall when the file holds one.
 */
function scoreOptional(tally: Tally, found: string | undefined, wanted: string | null): boolean {
  const right = (found ?? null) === wanted;
  tally.n++;
  if (right) tally.correct++;
  if (found !== undefined) {
    tally.given = (tally.given ?? 0) + 1;
    tally.givenRight = (tally.givenRight ?? 0) + (right ? 1 : 0);
  }
  if (wanted !== null) {
    tally.wanted = (tally.wanted ?? 0) + 1;
    tally.wantedRight = (tally.wantedRight ?? 0) + (right ? 1 : 0);
  }
  return right;
}

/** Every labelled file through the ingest, scored field by field. Paths in the labels are relative to `root`. */
export function scoreLabelled(root: string, labels: readonly Label[]): Score {
  const tallies = emptyTallies();
  const misses: Miss[] = [];
  const miss = (label: Label, field: Field, found: string | null | undefined, wanted: string | null | undefined): void => {
    misses.push({ file: label.file, class: label.class, field, found: show(found), wanted: show(wanted) });
  };
  const results = labels.map((label) => ({ label, found: ingestLabelled(root, label) }));

  for (const { label, found } of results) {
    tallies.status.n++;
    if (found.status === label.status) tallies.status.correct++;
    else miss(label, 'status', found.reason ? `${found.status} (${found.reason})` : found.status, label.status);
    const article = found.article;
    if (label.status !== 'kept' || !article) continue;

    if (label.lang !== undefined) {
      tallies.language.n++;
      if (article.lang === label.lang) tallies.language.correct++;
      else miss(label, 'language', article.lang, label.lang);
    }
    if (label.title !== undefined) {
      // A file without a headline wants a derived title, whatever its words.
      const foundTitle = article.titleSource === 'file' ? article.title : undefined;
      if (!scoreOptional(tallies.title, foundTitle, label.title)) miss(label, 'title', foundTitle ?? `(derived) ${article.title}`, label.title);
    }
    if (label.date !== undefined) {
      const foundDate = article.date === undefined ? undefined : `${article.date} (${article.dateSource})`;
      if (!scoreOptional(tallies.date, article.date, label.date)) miss(label, 'date', foundDate, label.date);
      tallies['no invented date'].n++;
      if (article.date === undefined || article.date === label.date) tallies['no invented date'].correct++;
      else miss(label, 'no invented date', `${foundDate}: ${article.dateEvidence ?? ''}`, label.date);
    }
    if (label.source !== undefined && !scoreOptional(tallies.source, article.sourceUrl, label.source)) miss(label, 'source', article.sourceUrl, label.source);
    if (label.publisher !== undefined && !scoreOptional(tallies.publisher, article.publisher?.name, label.publisher)) miss(label, 'publisher', article.publisher?.name, label.publisher);

    const bodyText = article.body.map((block) => block.text).join('\n');
    for (const line of label.chrome) {
      tallies['chrome out of body'].n++;
      if (!bodyText.includes(line)) tallies['chrome out of body'].correct++;
      else miss(label, 'chrome out of body', `kept: ${line}`, 'left out');
    }
    for (const text of label.body) {
      tallies['text in body'].n++;
      if (bodyText.includes(text)) tallies['text in body'].correct++;
      else miss(label, 'text in body', 'missing', text);
    }
  }

  // A grouped file is right when the files sharing its translation key are exactly its group.
  const keyOf = new Map(results.flatMap(({ label, found }) => (found.article ? [[label.file, found.article.translationKey] as const] : [])));
  for (const { label } of results) {
    if (label.group === undefined) continue;
    tallies.groups.n++;
    const key = keyOf.get(label.file);
    const sameKey = results.filter((other) => key !== undefined && keyOf.get(other.label.file) === key).map((other) => other.label.file);
    const sameGroup = results.filter((other) => other.label.group === label.group).map((other) => other.label.file);
    if (sameKey.join('\n') === sameGroup.join('\n')) tallies.groups.correct++;
    else miss(label, 'groups', sameKey.join(', ') || '(not kept)', sameGroup.join(', '));
  }
  return { files: labels.length, tallies, misses };
}

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);

/** The table: one row a field, with correct/n, accuracy, and precision and recall where they apply. */
export function formatScore(score: Score): string {
  const rows = FIELDS.map((field) => {
    const t = score.tallies[field];
    const precision = t.given === undefined ? '—' : `${percent(t.givenRight ?? 0, t.given)} (${t.givenRight ?? 0}/${t.given})`;
    const recall = t.wanted === undefined ? '—' : `${percent(t.wantedRight ?? 0, t.wanted)} (${t.wantedRight ?? 0}/${t.wanted})`;
    return [field, `${t.correct}/${t.n}`, percent(t.correct, t.n), precision, recall];
  });
  const header = ['field', 'correct', 'accuracy', 'precision', 'recall'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function formatMisses(misses: readonly Miss[]): string {
  return misses.map((m) => `${m.file} [${m.class}] ${m.field}: found ${JSON.stringify(m.found)}, wanted ${JSON.stringify(m.wanted)}`).join('\n');
}

/** Fields whose accuracy is below `threshold` (a share, 0.98 for 98 %). */
export function belowThreshold(score: Score, threshold: number): Field[] {
  return FIELDS.filter((field) => {
    const t = score.tallies[field];
    return t.n > 0 && t.correct / t.n < threshold;
  });
}
