/**
 * Reading Linux /proc for the benchmark's memory figures. Parsers are pure; `sampleTreeRss`
 * reads /proc. We sum VmRSS over the whole process tree because a stage is several processes
 * (Astro spawns workers, Pagefind runs a native binary under Node): `/usr/bin/time -v` would
 * report only the largest single process, which hides the cost of the tree.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid from the text of /proc/<pid>/stat. The command name may hold spaces and parentheses. */
export function parseStatPpid(stat: string): number | undefined {
  const end = stat.lastIndexOf(')');
  if (end < 0) return undefined;
  // After "pid (comm)": state, ppid, ...
  const fields = stat.slice(end + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Resident set size in bytes from the text of /proc/<pid>/status; undefined for kernel threads and zombies. */
export function parseStatusRss(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** The root and every process below it, given each process's parent. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function readOr(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // The process ended between listing and reading: it simply no longer counts.
    return undefined;
  }
}

/** Current total RSS in bytes of `root` and all its descendants. */
export function sampleTreeRss(root: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOr(`/proc/${entry}/stat`);
    const ppid = stat === undefined ? undefined : parseStatPpid(stat);
    if (ppid !== undefined) parents.set(Number(entry), ppid);
  }
  let total = 0;
  for (const pid of descendants(root, parents)) {
    const status = readOr(`/proc/${pid}/status`);
    total += (status === undefined ? undefined : parseStatusRss(status)) ?? 0;
  }
  return total;
}

/** CPU milliseconds (user + system) from GNU time's `-f "%U %S"` output; the last line holds them. */
export function parseGnuTime(output: string): number | undefined {
  const match = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(output);
  return match ? Math.round((Number(match[1]) + Number(match[2])) * 1000) : undefined;
}
