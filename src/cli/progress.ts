/**
 * Progress bars for long CLI work, on standard error and only when it is a terminal (and the
 * command is not asked for JSON), so pipes and scripts see only the result.
 */
import { Presets, SingleBar } from 'cli-progress';

export interface ProgressBar {
  /** Shows `done` of `total` for a named step; a new total restarts the bar. */
  update(step: string, done: number, total: number): void;
  stop(): void;
}

export function progressBar(label: string, quiet = false): ProgressBar {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} {bar} {percentage}% | {step} {value}/{total}`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  let total = -1;
  return {
    update(step, done, t) {
      if (!started) {
        bar.start(t, done, { step });
        started = true;
        total = t;
      } else if (t !== total) {
        bar.setTotal(t);
        total = t;
      }
      bar.update(done, { step });
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
