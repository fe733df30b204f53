import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withCompileCache } from './compile-cache.ts';
import { run } from './run.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'compile-cache-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const filesBelow = (dir: string): number => {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  } catch {
    return 0;
  }
};

describe('the stages\' compile cache', () => {
  it('is filled by a stage with the modules it compiled', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_COMPILE_CACHE;
    delete env.NODE_DISABLE_COMPILE_CACHE;
    withCompileCache(env);
    const cache = env.NODE_COMPILE_CACHE ?? '';
    expect(cache).not.toBe('');
    // A module no stage compiled before: its source is new.
    const module = path.join(work, 'stage.ts');
    writeFileSync(module, `const seen: string = ${JSON.stringify(`${process.pid}-${Date.now()}`)};\nconsole.log(seen);\n`);
    const before = filesBelow(cache);
    await run(process.execPath, [module], { label: 'stage', env, onLine: () => {} });
    expect(filesBelow(cache)).toBeGreaterThan(before);
  });

  it('keeps a folder already chosen, and stays off when turned off', () => {
    const chosen: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: work };
    withCompileCache(chosen);
    expect(chosen).toEqual({ NODE_COMPILE_CACHE: work });
    const off: NodeJS.ProcessEnv = { NODE_DISABLE_COMPILE_CACHE: '1' };
    withCompileCache(off);
    expect(off).toEqual({ NODE_DISABLE_COMPILE_CACHE: '1' });
  });
});
