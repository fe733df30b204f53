import { describe, expect, it } from 'vitest';
import { HOSTILE_URLS } from '../../scripts/fuzz/payloads.ts';
import { canonicalizeUrl } from '../../src/ingest/extract/source-url.ts';

// The fuzzer plants these in source lines; the ingest must refuse each or keep a plain http(s) URL.
describe('the source URLs the fuzzer plants', () => {
  it('are refused with a reason, or kept as plain http(s) URLs', () => {
    const hostile = HOSTILE_URLS.filter((url) => !/^https?:\/\/[a-z.]+\/[\w.-]+$/.test(url));
    expect(hostile.length).toBeGreaterThan(5);
    for (const url of hostile) {
      const result = canonicalizeUrl(url);
      if ('url' in result) expect(result.url, url).toMatch(/^https?:\/\/[a-z0-9.-]+\//);
      else expect(result.warning, url).toMatch(/^source: /);
    }
  });
});
