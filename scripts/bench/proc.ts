/**
 * Reading Linux /proc for the benchmark's memory figures. Parsers are pure; `sampleTreeRss`
 * reads /proc. We sum VmRSS over the whole process tree because a stage is several processes
 * (Astro spawns workers, Pagefind runs a native binary under Node): `/usr/bin/time -v` would
 * report only the largest single process, which hides the cost of the tree. For the same
 * reason CPU is also sampled per process: GNU time misses children nobody waits for (Pagefind's
 * binary), sampling misses the last 100 ms of each process; both are lower bounds.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid and CPU ticks (user + system) from the text of /proc/<pid>/stat. */
export function parseStat(stat: string): { ppid: number; cpuTicks: number } | undefined {
  // The command name may hold spaces and parentheses: fields start after the last ")".
  const end = stat.lastIndexOf(')');
  if (end < 0) return undefined;
  // Fields after "pid (comm)": state(3) ppid(4) ... utime(14) stime(15).
  const fields = stat.slice(end + 2).split(' ');
  const ppid = Number(fields[1]);
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  return Number.isInteger(ppid) && Number.isFinite(cpuTicks) ? { ppid, cpuTicks } : undefined;
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

export interface TreeSample {
  rssBytes: number;
  /** CPU ticks (1/100 s) each live process of the tree has used so far. */
  cpuTicks: Map<number, number>;
}

/** Current total RSS of `root` and all its descendants, and each one's CPU so far. */
export function sampleTree(root: number): TreeSample {
  const stats = new Map<number, { ppid: number; cpuTicks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const text = readOr(`/proc/${entry}/stat`);
    const stat = text === undefined ? undefined : parseStat(text);
    if (stat) stats.set(Number(entry), stat);
  }
  const parents = new Map([...stats].map(([pid, stat]) => [pid, stat.ppid]));
  let rssBytes = 0;
  const cpuTicks = new Map<number, number>();
  for (const pid of descendants(root, parents)) {
    const status = readOr(`/proc/${pid}/status`);
    rssBytes += (status === undefined ? undefined : parseStatusRss(status)) ?? 0;
    cpuTicks.set(pid, stats.get(pid)?.cpuTicks ?? 0);
  }
  return { rssBytes, cpuTicks };
}

/** CPU milliseconds (user + system) from GNU time's `-f "%U %S"` output; the last line holds them. */
export function parseGnuTime(output: string): number | undefined {
  const match = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(output);
  return match ? Math.round((Number(match[1]) + Number(match[2])) * 1000) : undefined;
}
