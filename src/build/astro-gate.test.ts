import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASTRO_GATE, isGateWaiting, isIngestWrites, type GateOpen } from './astro-gate.ts';
import { RENDER_CHANGED_ONLY, SITE_INTACT } from './render-skip.ts';
import { run } from './run.ts';

const node = process.execPath;
const gate = pathToFileURL(path.join(import.meta.dirname, 'astro-gate.ts')).href;

/**
 * A stand-in for Astro: a loader wrapped with afterGate, loaded twice (as Astro loads the
 * content config apart from its own config), prints what it saw once past the gate.
 */
const script = `
const first = await import(${JSON.stringify(`${gate}?first`)});
const second = await import(${JSON.stringify(`${gate}?second`)});
const loader = first.afterGate({ name: 'records', load: async () => console.log('loaded with ' + (process.env.${RENDER_CHANGED_ONLY} ?? 'every page') + ', site ' + (process.env.${SITE_INTACT} ?? 'to check')) });
await loader.load({});
await second.astroGate();
console.log('past the second gate');
`;

interface Stage {
  done: Promise<number>;
  lines: string[];
  messages: unknown[];
  child: () => ChildProcess;
}

function start(env: NodeJS.ProcessEnv): Stage {
  const lines: string[] = [];
  const messages: unknown[] = [];
  let child: ChildProcess | undefined;
  const done = run(node, ['--input-type=module', '-e', script], {
    label: 'astro build',
    env: { ...process.env, ...env },
    onLine: (line) => lines.push(line),
    onMessage: (message) => messages.push(message),
    onChild: (started) => (child = started),
  });
  return { done, lines, messages, child: () => child as ChildProcess };
}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('the gate Astro waits at while the ingest runs', () => {
  it('holds the loader until the build opens it, then passes on whether only changed pages render', async () => {
    const stage = start({ [ASTRO_GATE]: '1', [RENDER_CHANGED_ONLY]: '1', [SITE_INTACT]: '1' });
    await until(() => stage.messages.some(isGateWaiting));
    // Waiting, it has read nothing: the loader has not run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stage.lines).toEqual([]);
    const open: GateOpen = { astroGate: 'open', renderChangedOnly: false, siteIntact: false };
    stage.child().send(open);
    await stage.done;
    // The variables it was started with are replaced by the build's word; the second copy of
    // the module does not wait again.
    expect(stage.lines).toEqual(['loaded with every page, site to check', 'past the second gate']);
  });

  it('sets the variables when the build says only changed pages render and the site folder is intact', async () => {
    const stage = start({ [ASTRO_GATE]: '1' });
    await until(() => stage.messages.some(isGateWaiting));
    stage.child().send({ astroGate: 'open', renderChangedOnly: true, siteIntact: true } satisfies GateOpen);
    await stage.done;
    expect(stage.lines).toEqual(['loaded with 1, site 1', 'past the second gate']);
  });

  it('stops without loading when the build goes away before opening it', async () => {
    const stage = start({ [ASTRO_GATE]: '1' });
    await until(() => stage.messages.some(isGateWaiting));
    stage.child().disconnect();
    await expect(stage.done).rejects.toThrow('astro build failed (exit code 1)');
    expect(stage.lines).toEqual(['astro build: the build that started it is gone; stopping before reading the archive']);
  });

  it('lets the loader through at once when Astro was not started to wait', async () => {
    const stage = start({ [ASTRO_GATE]: '' });
    await stage.done;
    expect(stage.messages).toEqual([]);
    expect(stage.lines).toEqual(['loaded with every page, site to check', 'past the second gate']);
  });

  it('tells the ingest\'s word apart from progress', () => {
    expect(isIngestWrites({ ingest: 'writes' })).toBe(true);
    expect(isIngestWrites({ done: 1, total: 2, unit: 'files' })).toBe(false);
    expect(isGateWaiting({ astroGate: 'waiting' })).toBe(true);
    expect(isGateWaiting(null)).toBe(false);
  });
});
