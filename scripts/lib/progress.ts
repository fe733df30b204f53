/**
 * Where a long build is: one line per stage (ingest, pages, data files, search index) with the
 * count done, the total where it is known and the time left. In a terminal the lines are
 * redrawn in place; in a log (CI, a file) a line per moving stage is printed every so often
 * instead, so that a build of 100,000 articles prints dozens of lines, not 160,000.
 */
import cliProgress from 'cli-progress';

/** `terminal`: redrawn bars; `lines`: a line now and then; `off`: nothing (`--quiet`). */
export type ProgressMode = 'terminal' | 'lines' | 'off';

interface StageState {
  name: string;
  /** What is counted (`files`, `pages`); none for a stage that reports no count. */
  unit?: string;
  done: number;
  total?: number;
  /** What the count alone does not say (`bundle 2 of 5: fr-1`). */
  detail?: string;
  started: number;
  /** When the current step (its unit) started: the time left is the step's, at its own rate. */
  stepStarted?: number;
  finishedAt?: number;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** `42 s`, `3 min 05 s`, `1 h 02 min`: coarse enough to read at a glance. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * The time left at the rate so far, once there is a rate to go by: 2 % done, so that a stage's
 * start-up (Astro bundles for a minute before its first page) does not read as hours left.
 */
export function timeLeft(done: number, total: number | undefined, elapsedMs: number): number | undefined {
  if (total === undefined || done < total * 0.02 || done <= 0 || done >= total || elapsedMs < 1000) return undefined;
  return (elapsedMs / done) * (total - done);
}

/**
 * A stage's line: `pages: 812 of 1,739 pages (47 %), about 1 min 05 s left`, or
 * `search index: 4,000 of 9,000 pages indexed (44 %), bundle 2 of 3: fr-1, about 20 s left`;
 * once finished, `data files: done, 420 dump members (3 rebuilt, …) in 4 s`.
 */
export function stageLine(stage: StageState, now: number): string {
  const elapsed = (stage.finishedAt ?? now) - stage.started;
  if (stage.finishedAt !== undefined) {
    const counted = stage.unit ? `, ${count(stage.done)} ${stage.unit}${stage.detail ? ` (${stage.detail})` : ''}` : '';
    return `${stage.name}: done${counted} in ${formatDuration(elapsed)}`;
  }
  if (!stage.unit) return `${stage.name}: running, ${formatDuration(elapsed)}`;
  const detail = stage.detail ? `, ${stage.detail}` : '';
  if (stage.total === undefined) return `${stage.name}: ${count(stage.done)} ${stage.unit}${detail}, ${formatDuration(elapsed)}`;
  const percent = stage.total > 0 ? Math.floor((100 * stage.done) / stage.total) : 100;
  const left = timeLeft(stage.done, stage.total, now - (stage.stepStarted ?? stage.started));
  return `${stage.name}: ${count(stage.done)} of ${count(stage.total)} ${stage.unit} (${percent} %)${detail}${left === undefined ? '' : `, about ${formatDuration(left)} left`}`;
}

export interface Stage {
  /**
   * `done` so far; `total` when known (it grows if the count passes it: a total can be an
   * estimate). A `unit` other than the last starts a new step, counted and timed afresh.
   */
  update(done: number, total?: number, step?: { unit: string; detail?: string | undefined }): void;
  finish(): void;
}

export class BuildProgress {
  readonly #stages: StageState[] = [];
  readonly #bars = new Map<StageState, cliProgress.SingleBar>();
  readonly #printed = new Map<StageState, string>();
  #multibar: cliProgress.MultiBar | undefined;
  #timer: NodeJS.Timeout | undefined;
  readonly #lines: boolean;

  /** In a terminal the bars are drawn on stderr; in a log the progress lines go to stdout, in order with the stages' messages. */
  constructor(mode: ProgressMode, options: { everyMs?: number } = {}) {
    this.#lines = mode === 'lines';
    if (mode === 'terminal') {
      this.#multibar = new cliProgress.MultiBar(
        {
          stream: process.stderr,
          hideCursor: true,
          // The line is ours; cli-progress only redraws it.
          format: (_options, _params, payload: { stage: StageState }) => stageLine(payload.stage, Date.now()),
        },
        cliProgress.Presets.legacy,
      );
    } else if (mode === 'lines') {
      this.#timer = setInterval(() => this.#printMoved(), options.everyMs ?? 10_000);
      this.#timer.unref();
    }
  }

  /** Starts a stage; `unit` names what it counts, none for a stage that reports no count. */
  stage(name: string, unit?: string, total?: number): Stage {
    const state: StageState = { name, done: 0, started: Date.now(), ...(unit ? { unit } : {}), ...(total !== undefined ? { total } : {}) };
    this.#stages.push(state);
    const bar = this.#multibar?.create(1, 0, { stage: state });
    if (bar) this.#bars.set(state, bar);
    return {
      update: (done, newTotal, step) => {
        if (step && step.unit !== state.unit) {
          state.unit = step.unit;
          state.stepStarted = Date.now();
          delete state.total;
        }
        if (step) {
          if (step.detail === undefined) delete state.detail;
          else state.detail = step.detail;
        }
        state.done = done;
        if (newTotal !== undefined) state.total = newTotal;
        if (state.total !== undefined && state.done > state.total) state.total = state.done;
        bar?.update(0, { stage: state });
      },
      finish: () => {
        state.finishedAt = Date.now();
        bar?.update(0, { stage: state });
        // In a log, each stage's last word: how much it did, whether or not a line was due.
        if (this.#lines) process.stdout.write(`${stageLine(state, state.finishedAt)}\n`);
      },
    };
  }

  /** A message of a stage, printed above the bars in a terminal. */
  log(line: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    if (this.#multibar) this.#multibar.log(`${line}\n`);
    else (stream === 'stderr' ? process.stderr : process.stdout).write(`${line}\n`);
  }

  /** In a log: each running stage whose line changed since it was last printed. */
  #printMoved(): void {
    const now = Date.now();
    for (const stage of this.#stages) {
      if (stage.finishedAt !== undefined) continue;
      const line = stageLine(stage, now);
      // The elapsed time alone moving is no news: compare the line without it.
      const key = `${stage.done}/${stage.total ?? ''} ${stage.unit ?? ''} ${stage.detail ?? ''}`;
      if (this.#printed.get(stage) === key && stage.unit) continue;
      this.#printed.set(stage, key);
      process.stdout.write(`${line}\n`);
    }
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#multibar?.stop();
  }
}
