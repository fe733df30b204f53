import { afterEach, describe, expect, it, vi } from 'vitest';
import { BuildOutput } from './build-output.ts';

/** What the build prints to each stream while `body` runs. */
function printed(body: () => void): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr'] as const) {
    vi.spyOn(process[name], 'write').mockImplementation((chunk: string | Uint8Array) => {
      out[name] += String(chunk);
      return true;
    });
  }
  body();
  vi.restoreAllMocks();
  return out;
}

describe('the build’s output in a log (no terminal)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('ends each stage with its last count, step and detail, and says once that a message could not be read', () => {
    const output = new BuildOutput({ quiet: false, verbose: false, everyMs: 3_600_000, pagesBefore: 0, terminal: false });
    const { stdout, stderr } = printed(() => {
      const search = output.stage('search index');
      search.onMessage?.({ done: 40, total: 40, unit: 'search pages' });
      search.onMessage?.({ done: 0, total: 40, unit: 'pages indexed', detail: 'bundle 1 of 2: fr' });
      search.onMessage?.({ stage: 'search index', done: 20 });
      search.onMessage?.({ done: -1, total: 40, unit: 'pages indexed' });
      search.onMessage?.({ done: 40, total: 40, unit: 'pages indexed', detail: '2 of 3 bundles built' });
      search.onLine?.('search index: fr 30, ru 10, el 0 pages; built fr, ru, kept el', 'stdout');
      search.onExit?.();
    });
    output.stop();
    expect(stdout.split('\n')).toEqual([
      'search index: fr 30, ru 10, el 0 pages; built fr, ru, kept el',
      expect.stringMatching(/^search index: done, 40 pages indexed \(2 of 3 bundles built\) in \d+ s$/),
      '',
    ]);
    expect(stderr.split('\n')).toEqual([expect.stringMatching(/^build: search index sent a progress message this build cannot read \(total: .*; unit: /), '']);
  });

  it('with --quiet prints a stage’s errors and nothing of its progress', () => {
    const output = new BuildOutput({ quiet: true, verbose: false, everyMs: 3_600_000, pagesBefore: 0, terminal: false });
    const { stdout, stderr } = printed(() => {
      const data = output.stage('data');
      data.onMessage?.({ done: 2, total: 2, unit: 'dump members', detail: '2 rebuilt, 6 citation files written' });
      data.onLine?.('data: 40 entries in the dump', 'stdout');
      data.onLine?.('data: content/archive/articles/fr/x.json: not an article (title: Required)', 'stderr');
      data.onExit?.();
    });
    output.stop();
    expect(stdout).toBe('');
    expect(stderr).toBe('data: content/archive/articles/fr/x.json: not an article (title: Required)\n');
  });
});
