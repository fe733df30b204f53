import { createHash } from 'node:crypto';

/**
 * A `cacheKey` for `getStaticPaths()` (Astro's experimental.incrementalBuild): a page is
 * restored from the previous build when its key and its module graph are unchanged. So the
 * key must cover everything the page shows that does not come from code: its params, its
 * props, and whatever it reads at render time (the entry file's digest on article pages).
 * Everything given here is serialised as JSON (the text JSON.stringify gives); the objects are
 * built in a fixed order, so the same data gives the same key.
 */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(json(parts) ?? '').digest('base64url');
}

/** The JSON text of objects that cannot change (`fixedForKeys`), made once. */
const fixedJson = new WeakMap<object, string>();

/**
 * Freezes an object shown by many pages (an article's link: a topic's listings alone show an
 * article a dozen times) and makes its JSON text once, for every key that holds it: at
 * 100,000 articles the listings' keys hold over three million links. Frozen, it cannot differ
 * from its text; whatever it holds must be frozen or primitive too.
 */
export function fixedForKeys<T extends object>(value: T): Readonly<T> {
  fixedJson.set(Object.freeze(value), JSON.stringify(value));
  return value;
}

/** What JSON.stringify gives for plain data (objects, arrays, primitives), fixed objects' text reused. */
function json(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const fixed = fixedJson.get(value);
  if (fixed !== undefined) return fixed;
  if ('toJSON' in value && typeof value.toJSON === 'function') return json(value.toJSON());
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(json(value[i]) ?? 'null');
    return `[${items.join(',')}]`;
  }
  const fields: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    const text = json(field);
    if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${fields.join(',')}}`;
}
