/**
 * The search stage beside `astro build`, within the memory Astro leaves (src/build/stages.ts).
 * The build starts the stage with its allowance in SEARCH_MEMORY; before indexing a bundle
 * that needs more, the stage says it is waiting, over the IPC channel the build opens for its
 * progress, and the build answers once Astro is done. A stage started without an allowance
 * (alone, or with Astro skipped) never waits.
 */

import { isObject } from './astro-gate.ts';

/** Set for a search stage beside Astro: the bytes it may take while Astro runs. */
export const SEARCH_MEMORY = 'ARCHIVE_SEARCH_MEMORY';

/** What the stage sends when a bundle must wait for Astro's memory. */
export const SEARCH_WAITING = { searchGate: 'waiting' } as const;

/** What the build answers once Astro is done: the stage may take what it needs. */
export const SEARCH_OPEN = { searchGate: 'open' } as const;

export const isSearchWaiting = (message: unknown): boolean => isObject(message) && message.searchGate === SEARCH_WAITING.searchGate;
const isSearchOpen = (message: unknown): boolean => isObject(message) && message.searchGate === SEARCH_OPEN.searchGate;

let opened: Promise<void> | undefined;

/**
 * Resolves when this process may take `bytes`: at once within its allowance or without one,
 * otherwise once the build says Astro is done. `onWait` is told when it waits. A build gone
 * before it answered ends this process, as a killed build's stages end.
 */
export function memoryFor(bytes: number, onWait?: () => void): Promise<void> {
  const allowance = process.env[SEARCH_MEMORY];
  if (allowance === undefined || bytes <= Number(allowance)) return Promise.resolve();
  const send = process.send?.bind(process);
  if (!send) return Promise.reject(new Error(`${SEARCH_MEMORY} is set, but this process has no channel to the build that must say when Astro is done`));
  opened ??= new Promise<void>((resolve) => {
    onWait?.();
    const onDisconnect = () => {
      console.error('search index: the build that started it is gone; stopping');
      process.exit(1);
    };
    const onMessage = (message: unknown) => {
      if (!isSearchOpen(message)) return;
      // From here on nothing else holds the memory: no later bundle waits.
      delete process.env[SEARCH_MEMORY];
      // Listeners keep the channel, and so this process, alive.
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
      resolve();
    };
    process.on('message', onMessage);
    process.on('disconnect', onDisconnect);
    send(SEARCH_WAITING);
  });
  return opened;
}
