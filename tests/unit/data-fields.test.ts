import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/dataset/csv.ts';
import { articleJsonSchema } from '../../src/dataset/schema.ts';

/**
 * docs/data-fields.md is the one field dictionary: the About page renders it, and the repository
 * links it. It must name every field of the published JSON Schema and every CSV column, and
 * name nothing the schema lacks.
 */

const doc = readFileSync('docs/data-fields.md', 'utf8');
const fields = Object.keys((JSON.parse(articleJsonSchema()) as { properties: Record<string, unknown> }).properties);
/** Each bullet's head, up to its first colon: the fields it explains and their CSV columns. */
const heads = doc
  .split('\n')
  .filter((line) => line.startsWith('- '))
  .map((line) => line.slice(2, line.indexOf(':')));
const headFields = heads.flatMap((head) => [...head.matchAll(/`(\w+)`/g)].map((match) => match[1] ?? ''));
const headColumns = heads.flatMap((head) => [...head.matchAll(/\[([^\]]+)\]/g)].flatMap((match) => (match[1] ?? '').split(/,\s*/)));

describe('docs/data-fields.md', () => {
  it('explains every field of the published schema', () => {
    expect(fields.length).toBeGreaterThan(10);
    const named = new Set([...doc.matchAll(/`(\w+)`/g)].map((match) => match[1]));
    expect(fields.filter((field) => !named.has(field))).toEqual([]);
  });

  it('heads its items with fields the schema has', () => {
    expect(headFields.length).toBeGreaterThan(10);
    expect(headFields.filter((field) => !fields.includes(field))).toEqual([]);
  });

  it('gives every CSV column, in brackets, and no other', () => {
    expect([...headColumns].sort()).toEqual([...CSV_COLUMNS].sort());
  });
});
