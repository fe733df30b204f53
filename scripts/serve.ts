/** `npm run preview`: serves the built site on 127.0.0.1 until interrupted. */
import { parseArgs } from 'node:util';
import { distDir } from '../src/config/archive.ts';
import { startStaticServer } from './lib/static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } } });
const served = await startStaticServer({
  root: distDir,
  base: process.env.BASE_PATH ?? '/',
  host: values.host,
  port: Number(values.port),
});
console.log(`Serving ${distDir} at ${served.url} (Ctrl+C to stop)`);
