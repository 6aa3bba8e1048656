/**
 * Top self-time hotspots of `node --cpu-prof` profiles (one per thread, worker threads included).
 *
 * Run: `node --cpu-prof --cpu-prof-dir=/tmp/prof bin/trellis.js build bench/.gardens/10000 --out /tmp/d --no-cache --quiet`,
 * then `tsx bench/profile-top.ts /tmp/prof [top]`. Self time is summed per function and file over
 * all threads, idle time left out; percentages are of the busy samples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per `function (file:line)`, biggest first, over every profile in `dir`. */
export function rankHotspots(dir: string): { name: string; ms: number; share: number }[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      // Idle threads waiting for work are not cost.
      if (frame.functionName === '(idle)') return;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const where = frame.url ? `${frame.url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '')}:${frame.lineNumber + 1}` : 'native';
      const key = `${frame.functionName || '(anonymous)'} (${where})`;
      self.set(key, (self.get(key) ?? 0) + ms);
      total += ms;
    });
  }
  return [...self].map(([name, ms]) => ({ name, ms, share: ms / total })).sort((a, b) => b.ms - a.ms);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [dir, top] = process.argv.slice(2);
  if (!dir) throw new Error('usage: tsx bench/profile-top.ts <profile-dir> [top]');
  for (const h of rankHotspots(dir).slice(0, Number(top ?? 15))) {
    process.stdout.write(`${h.ms.toFixed(0).padStart(8)} ms  ${(h.share * 100).toFixed(1).padStart(5)} %  ${h.name}\n`);
  }
}
