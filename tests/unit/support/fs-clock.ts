import { writeFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Waits until the file system's clock, which moves in ticks of a few milliseconds, has ticked
 * since the writes before: a stage that trusts a folder unchanged since it last looked
 * (src/lib/entry-listing.ts) reads again one changed in the tick it starts in, and a
 * build's stages start ticks after the ingest's last write.
 */
export function afterClockTick(dir: string): void {
  const clock = path.join(dir, '.clock');
  writeFileSync(clock, '');
  const written = statSync(clock).mtimeMs;
  while (statSync(clock).mtimeMs === written) writeFileSync(clock, '');
}
