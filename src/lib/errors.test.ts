import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorMessage, errorReason } from './errors.ts';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('errorMessage and errorReason', () => {
  it('read an Error and a system error', () => {
    expect(errorMessage(new TypeError('bad value'))).toBe('bad value');
    const missing = thrown(() => readFileSync('/nonexistent/file'));
    expect(errorReason(missing)).toBe('ENOENT');
    expect(errorMessage(missing)).toMatch(/^ENOENT: no such file or directory/);
    expect(errorReason(new Error('plain'))).toBe('plain');
  });
  it('say something of a thrown value that is not an Error', () => {
    expect(errorMessage('a string')).toBe('a string');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorReason({ code: 'EFAKE' })).toBe('[object Object]');
  });
});
