import { describe, expect, it } from 'vitest';
import { run } from './run.ts';

const node = process.execPath;

describe('run', () => {
  it('resolves with the duration of a stage that succeeds', async () => {
    await expect(run(node, ['-e', ''], { label: 'quick' })).resolves.toBeGreaterThan(0);
  });

  it('names the stage and its exit code when it fails', async () => {
    await expect(run(node, ['-e', 'process.exit(3)'], { label: 'ingest' })).rejects.toThrow('ingest failed (exit code 3)');
  });

  it('kills a running stage when its signal aborts, as build.ts does when the stage beside it fails', async () => {
    const stop = new AbortController();
    // The stage would run for a minute, past the test's timeout, if it were not killed.
    const stage = run(node, ['-e', 'setTimeout(() => {}, 60_000)'], { label: 'search index', signal: stop.signal });
    setTimeout(() => stop.abort(), 200);
    await expect(stage).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('runs a stage, and the processes it starts, at the niceness asked for', async () => {
    const script = "const { execFileSync } = require('node:child_process'); const own = require('node:os').getPriority(); const child = execFileSync(process.execPath, ['-p', 'require(\"node:os\").getPriority()']).toString().trim(); if (own !== 7 || child !== '7') process.exit(9);";
    await expect(run(node, ['-e', script], { label: 'search index', niceness: 7 })).resolves.toBeGreaterThan(0);
  });
});

describe('run, with its output taken', () => {
  it('hands over every line, from both streams, before it resolves or rejects', async () => {
    const lines: string[] = [];
    const script = "console.log('one'); console.error('two: bad.txt: not UTF-8'); process.stdout.write('three'); process.exit(2)";
    await expect(run(node, ['-e', script], { label: 'ingest', onLine: (line, stream) => lines.push(`${stream} ${line}`) })).rejects.toThrow('ingest failed (exit code 2)');
    expect(lines.sort()).toEqual(['stderr two: bad.txt: not UTF-8', 'stdout one', 'stdout three']);
  });

  it('passes on the messages the stage sends', async () => {
    const messages: unknown[] = [];
    await run(node, ['-e', "process.send({ done: 1, total: 2 }); process.send({ done: 2, total: 2 }, () => process.disconnect())"], { label: 'ingest', onLine: () => {}, onMessage: (m) => messages.push(m) });
    expect(messages).toEqual([{ done: 1, total: 2 }, { done: 2, total: 2 }]);
  });
});
