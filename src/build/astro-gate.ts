/**
 * `astro build` started while the ingest still runs. Astro spends its first seconds on itself
 * (Node loading its modules, the config, Vite's server for the content config) before anything
 * reads the archive folder, and that needs no archive: the build starts Astro beside the ingest
 * once it knows Astro will run, and Astro waits at the gate, before its first read of the
 * archive (the articles loader's `load`, the first step of its content sync), until the build
 * opens it. Before the gate Astro writes nothing the build keeps; the build writes its
 * killed-build marker before it opens the gate, and kills Astro instead when the ingest fails
 * or the stage turns out to be skippable (src/build/render-skip.ts).
 *
 * The gate is a handshake over the IPC channel the build opens for Astro: Astro says it is
 * waiting, the build answers once it has decided (a message sent before the other side listens
 * would be lost).
 */
import type { Loader } from 'astro/loaders';
import { RENDER_CHANGED_ONLY, SITE_INTACT } from './render-skip.ts';

/** Set for an `astro build` that must wait at the gate. */
export const ASTRO_GATE = 'ARCHIVE_ASTRO_GATE';

/** What Astro sends when it reaches the gate. */
export const GATE_WAITING = { astroGate: 'waiting' } as const;

/**
 * What the build sends to open the gate: whether Astro is handed only the changed pages, and
 * whether the site folder is as the last build left it.
 */
export interface GateOpen {
  astroGate: 'open';
  renderChangedOnly: boolean;
  siteIntact: boolean;
}

/** What the ingest sends once it knows it will write the archive: Astro will run. */
export const INGEST_WRITES = { ingest: 'writes' } as const;

/** Whether an IPC message is an object whose fields may be read (the search stage's gate reads them too). */
export const isObject = (message: unknown): message is Record<string, unknown> => typeof message === 'object' && message !== null;
export const isGateWaiting = (message: unknown): boolean => isObject(message) && message.astroGate === GATE_WAITING.astroGate;
export const isIngestWrites = (message: unknown): boolean => isObject(message) && message.ingest === INGEST_WRITES.ingest;
const isGateOpen = (message: unknown): message is GateOpen =>
  isObject(message) && message.astroGate === 'open' && typeof message.renderChangedOnly === 'boolean' && typeof message.siteIntact === 'boolean';

/** Sets `name` in this process's environment when `on`, removes it otherwise. */
function setFlag(name: string, on: boolean): void {
  if (on) process.env[name] = '1';
  else delete process.env[name];
}

let opened: Promise<void> | undefined;

/**
 * Resolves once the build has opened the gate, at once when Astro was not started to wait.
 * Sets RENDER_CHANGED_ONLY and SITE_INTACT as the build says (src/integrations/incremental-pages.ts
 * reads them after the content sync). A build gone before it opened the gate ends this process: without
 * it, nothing may read the archive.
 */
export function astroGate(): Promise<void> {
  const send = process.send?.bind(process);
  if (process.env[ASTRO_GATE] !== '1') return Promise.resolve();
  if (!send) return Promise.reject(new Error(`${ASTRO_GATE} is set, but this process has no channel to the build that must open the gate`));
  opened ??= new Promise<void>((resolve) => {
    let open = false;
    const onMessage = (message: unknown) => {
      if (!isGateOpen(message)) return;
      open = true;
      // Astro loads this module more than once (its config, then the content config through
      // Vite): the environment, shared by all, says the gate is open.
      delete process.env[ASTRO_GATE];
      setFlag(RENDER_CHANGED_ONLY, message.renderChangedOnly);
      setFlag(SITE_INTACT, message.siteIntact);
      process.off('message', onMessage);
      // The channel would keep Astro's process alive once its build is done.
      process.disconnect?.();
      resolve();
    };
    process.on('message', onMessage);
    process.once('disconnect', () => {
      if (open) return;
      console.error('astro build: the build that started it is gone; stopping before reading the archive');
      process.exit(1);
    });
    send(GATE_WAITING);
  });
  return opened;
}

/** `loader`, waiting at the gate before it reads anything. */
export function afterGate(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      await astroGate();
      return loader.load(context);
    },
  };
}
