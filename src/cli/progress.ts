import type { ProgressEvent } from '../runner/index.js';

/** A one-line live display of the run on a TTY stream (stderr): scenario and counts so far. */
export function createProgress(stream: NodeJS.WriteStream): {
  update(event: ProgressEvent): void;
  done(): void;
} {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let scenario = '';
  const draw = (text: string) => stream.write(`\r\x1b[K${text}`);

  return {
    update(event) {
      if (event.kind === 'scenario') scenario = event.scenario;
      if (event.kind === 'test') counts[event.state] += 1;
      if (event.kind === 'cleanup')
        return void draw(`cleaning up ${event.count} resource${event.count === 1 ? '' : 's'}…`);
      draw(`${scenario}…  ✓ ${counts.passed}  ✗ ${counts.failed}  ○ ${counts.skipped}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
