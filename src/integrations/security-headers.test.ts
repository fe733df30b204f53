import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspHeader } from '../config/csp.ts';
import { headersFile, RAW_HEADERS } from './security-headers.ts';

describe('headersFile', () => {
  it('sets the CSP and hardening headers on every path, and sandboxes the raw copies', () => {
    const lines = headersFile('/').split('\n');
    expect(lines).toContain('/*');
    expect(lines).toContain(`  Content-Security-Policy: ${cspHeader}`);
    expect(lines).toContain('  X-Content-Type-Options: nosniff');
    expect(lines).toContain('  Referrer-Policy: no-referrer');
    expect(lines.slice(lines.indexOf('/raw/*'))).toContain("  Content-Security-Policy: default-src 'none'; sandbox");
    expect(cspHeader).toContain("frame-ancestors 'none'");
  });

  it('prefixes the patterns with the base path however it is written', () => {
    for (const base of ['/archive', '/archive/', 'archive']) {
      const text = headersFile(base);
      expect(text).toMatch(/^\/archive\/\*$/m);
      expect(text).toMatch(/^\/archive\/raw\/\*$/m);
    }
  });
});

describe("docs/security.md's nginx snippet", () => {
  it('sends the same policies as _headers', () => {
    const doc = readFileSync('docs/security.md', 'utf8');
    expect(doc).toContain(`add_header Content-Security-Policy "${cspHeader}" always;`);
    expect(doc).toContain(`add_header Content-Security-Policy "${RAW_HEADERS['Content-Security-Policy']}" always;`);
  });
});
