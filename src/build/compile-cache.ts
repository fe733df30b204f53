import { enableCompileCache } from 'node:module';

/**
 * Gives the stages Node's compile cache. Each stage is a new Node process that would strip
 * and compile the same TypeScript modules again (about half a second of CPU for the data
 * stage); the cache keeps both on disk, in the folder where Astro's own script keeps its
 * modules, and checks each entry against its module's source, so edited code is compiled
 * again. A folder already chosen (`NODE_COMPILE_CACHE`) is kept; `NODE_DISABLE_COMPILE_CACHE`
 * turns the cache off.
 */
export function withCompileCache(env: NodeJS.ProcessEnv): void {
  if (env.NODE_DISABLE_COMPILE_CACHE || env.NODE_COMPILE_CACHE !== undefined) return;
  const { directory } = enableCompileCache();
  if (directory !== undefined) env.NODE_COMPILE_CACHE = directory;
}
