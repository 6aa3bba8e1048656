/**
 * A small garden to publish: notes in a folder, dates and descriptions in frontmatter,
 * an alias, tags, an embedded image, a transclusion, an attachment link and a title
 * that XML must escape, for the base-path and feed tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { makeGarden, tempDir } from './garden.ts';
import { tinyPng } from './tiny-png.ts';

/** The trellis command, as users run it. */
export const bin = path.resolve(import.meta.dirname, '../../bin/trellis.js');

/** Write the publishing garden into a temporary folder. */
export function makePublishGarden(): string {
  return makeGarden({
    'Home.md':
      '---\ndescription: The front page of a test garden.\nupdated: 2024-03-01\n---\n# Home\n\nStart with [[Raft]] or read about [[Gossip|gossip protocols]]. #consensus\n',
    'Distributed/Raft.md':
      '---\naliases: [Raft consensus]\ndate: 2024-01-10\nupdated: 2024-05-02\ntags: [consensus]\n---\n# Raft\n\n' +
      'Raft elects a leader with randomised timeouts. The word zeppelin appears only here.\n\n![[diagram.png]]\n\n' +
      'See [[Gossip#Fan-out]] and the [[data.csv|raw data]].\n\n![[Gossip#Fan-out]]\n',
    'Gossip.md':
      '---\ncreated: 2023-12-01\nupdated: 2024-02-01\n---\n# Gossip\n\nEpidemic broadcast; compare [[Raft]].\n\n## Fan-out\n\nEach round a node tells a few peers. #epidemic\n',
    'Tricky.md':
      '---\ntitle: \'Tricky & <odd> ]]> "quotes"\'\nupdated: 2023-06-01\n---\nA note whose title XML must escape, and a stray control character: \u0008 here.\n',
    'diagram.png': tinyPng(),
    'data.csv': 'a,b\n1,2\n',
  });
}

/** Build `garden` into a new folder with the real CLI; returns the folder and the command's output. */
export function buildWithCli(garden: string, args: string[] = []): { out: string; stdout: string; stderr: string; status: number | null } {
  const out = path.join(tempDir(), 'dist');
  const r = spawnSync(process.execPath, [bin, 'build', garden, '--out', out, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() },
  });
  return { out, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Run `trellis preview` on `dir` and wait until it listens; returns the address it printed and the process. */
export async function startPreviewCli(dir: string, port: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, 'preview', dir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`trellis preview did not start: ${output}`)), 60_000);
    const read = (data: Buffer) => {
      output += data.toString();
      const found = /at (http:\/\/\S+) /.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`trellis preview exited with ${code}: ${output}`)));
  });
  return { url, child };
}
