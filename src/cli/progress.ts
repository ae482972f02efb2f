// A one-line progress bar for long CLI work: done/total, rate, ETA. Redraws at most 5 times a
// second on a terminal; elsewhere (CI logs) prints a line every 10%.
export type Progress = { update(done: number, note?: string): void; finish(note?: string): void };

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let lastDraw = 0;
  let lastDecile = -1;
  const line = (done: number, note = '') => {
    const elapsed = (performance.now() - started) / 1000;
    const rate = done / Math.max(elapsed, 1e-9);
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '░');
    const eta = rate > 0 && done < total ? ` ETA ${Math.ceil((total - done) / rate)}s` : '';
    return `${label} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total} ${Math.round(rate)}/s${eta} ${note}`;
  };
  return {
    update(done, note) {
      const now = performance.now();
      if (stream.isTTY) {
        if (now - lastDraw < 200 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line(done, note)}\x1b[K`);
      } else {
        const decile = Math.floor((done / Math.max(total, 1)) * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        stream.write(`${line(done, note)}\n`);
      }
    },
    finish(note) {
      stream.write(`${stream.isTTY ? '\r' : ''}${line(total, note)}${stream.isTTY ? '\x1b[K' : ''}\n`);
    },
  };
}
