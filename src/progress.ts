/** Progress for long builds: a bar on a terminal, a few plain lines otherwise. */

/** A progress callback `(done, total)`. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  let lastPlain = -1;
  let lastDraw = 0;
  return (done, total) => {
    if (total < 200) return;
    if (stream.isTTY) {
      const now = Date.now();
      if (now - lastDraw < 80 && done < total) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
      if (done >= total) stream.write('\n');
    } else {
      const step = Math.floor((done / total) * 4);
      if (step > lastPlain) {
        lastPlain = step;
        stream.write(`${label}: ${done}/${total} notes\n`);
      }
    }
  };
}
