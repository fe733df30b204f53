/**
 * What `npm run build` prints. Each stage's output passes through here: Astro's line per page
 * is counted for the progress line and shown only with `--verbose`; the stages' other messages
 * are shown unless `--quiet`; what a stage writes to stderr (its errors, naming the file and
 * the reason) is always shown. Progress: scripts/lib/progress.ts.
 */
import { loggedPages, unvisitedPages } from '../../src/build/astro-log.ts';
import { BuildProgress, type Stage } from './progress.ts';
import { stageProgressSchema } from './stage-progress.ts';
import type { RunOptions } from '../../src/build/run.ts';

/** The progress line of each stage of scripts/build.ts, by the stage's label, and what it counts. */
const STAGE_LINES: Record<string, { name: string; unit?: string }> = {
  ingest: { name: 'ingest', unit: 'files' },
  'astro build': { name: 'pages', unit: 'pages' },
  data: { name: 'data files' },
  'search index': { name: 'search index' },
};

export class BuildOutput {
  readonly #quiet: boolean;
  readonly #verbose: boolean;
  readonly #progress: BuildProgress;
  readonly #pagesBefore: number;
  #rendered = 0;
  #kept = 0;
  readonly #warned = new Set<string>();

  /** `pagesBefore`: the pages of the last build, the estimate of this one's total (0: none). */
  /** `terminal`: whether stderr is one, unless a test says. */
  constructor(options: { quiet: boolean; verbose: boolean; everyMs: number; pagesBefore: number; terminal?: boolean }) {
    this.#quiet = options.quiet;
    this.#verbose = options.verbose;
    this.#pagesBefore = options.pagesBefore;
    this.#progress = new BuildProgress(options.quiet ? 'off' : (options.terminal ?? process.stderr.isTTY) ? 'terminal' : 'lines', { everyMs: options.everyMs });
  }

  /**
   * The options that route a stage's output and progress through here (for run()). The
   * stages in their own processes report their counts over an IPC channel
   * (scripts/lib/stage-progress.ts); Astro's are read from its page lines.
   */
  stage(label: string): Pick<RunOptions, 'onLine' | 'onMessage' | 'onExit'> {
    const line = STAGE_LINES[label] ?? { name: label };
    const isPages = label === 'astro build';
    const stage: Stage = this.#progress.stage(line.name, line.unit, isPages && this.#pagesBefore > 0 ? this.#pagesBefore : undefined);
    return {
      onLine: (text, stream) => {
        if (isPages) {
          // Pages rendered at once can share a line (src/build/astro-log.ts).
          const pages = loggedPages(text);
          if (pages.length > 0) {
            for (const page of pages) {
              if (page.restored) this.#kept++;
              else this.#rendered++;
            }
            stage.update(this.#rendered + this.#kept);
            if (this.#verbose) this.#progress.log(text);
            return;
          }
          const unvisited = unvisitedPages(text);
          if (unvisited > 0) {
            this.#kept += unvisited;
            stage.update(this.#rendered + this.#kept);
          }
        }
        if (stream === 'stderr' || !this.#quiet) this.#progress.log(text, stream);
      },
      ...(isPages
        ? {}
        : {
            onMessage: (message: unknown) => {
              const progress = stageProgressSchema.safeParse(message);
              if (progress.success) stage.update(progress.data.done, progress.data.total, progress.data);
              // A stage and this file disagree on the message: say so once, and build on.
              else if (!this.#warned.has(label)) {
                this.#warned.add(label);
                this.#progress.log(`build: ${label} sent a progress message this build cannot read (${progress.error.issues.map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`).join('; ')})`, 'stderr');
              }
            },
          }),
      onExit: () => stage.finish(),
    };
  }

  /** The final summary's pages part: how many Astro rendered and how many it kept. */
  summary(): string {
    return `pages: ${this.#rendered + this.#kept} (${this.#rendered} rendered, ${this.#kept} kept from the last build)`;
  }

  stop(): void {
    this.#progress.stop();
  }
}
