/**
 * The Content Security Policy every page carries (as a meta tag, and as a header where the
 * host can set one). No inline or remote script may run: scraped text is hostile, and this is
 * the last line of defence if an escape is ever missed. Pagefind compiles WebAssembly, hence
 * 'wasm-unsafe-eval' (which allows WebAssembly only, not JavaScript eval).
 */
const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** Directives a meta tag cannot carry; they only work as a response header. */
const HEADER_ONLY: Record<string, string> = {
  'frame-ancestors': "'none'",
};

const serialise = (directives: Record<string, string>): string =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

export const cspMeta = serialise(CSP_DIRECTIVES);
export const cspHeader = serialise({ ...CSP_DIRECTIVES, ...HEADER_ONLY });
