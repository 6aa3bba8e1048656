/**
 * The dev server and its editor API over real HTTP: loopback only, Host and
 * Origin checks, containment of writes, conflict detection, atomic saves,
 * rename refactoring, and pages updating from the in-memory garden.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

let dev: DevServer;
let root: string;
let port: number;

/** A raw HTTP request, so Host and Origin can be forged. `json` is whatever the server answered, read by each test as it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        headers: { host: `127.0.0.1:${port}`, ...(data ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json, text });
        });
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

beforeAll(async () => {
  root = makeGarden({
    'Home.md': '# Home\n\nStart at [[Raft]] or [[ds/Paxos|Paxos]].\n',
    'ds/Raft.md': '# Raft\n\n## Election\n\nLeaders. See [[Paxos#Phase one]].\n',
    'ds/Paxos.md': '# Paxos\n\n## Phase one\n\nPrepare. ^prep\n\n| a |\n|---|\n| [[Raft\\|the raft note]] |\n',
    'Embedder.md': 'Embeds ![[Raft#Election]] and links [[ds/Raft.md]] and [md](ds/Raft.md#Election).\n',
  });
  const outside = tempDir();
  writeFileSync(path.join(outside, 'secret.md'), 'secret');
  symlinkSync(outside, path.join(root, 'escape'));
  port = await freePort();
  dev = await startDev({ garden: root, port, settleMs: 50, quiet: true });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

describe('dev server', () => {
  it('listens on loopback and serves pages, note data, graph.json and the graph page files from memory', async () => {
    expect(dev.url).toBe(`http://127.0.0.1:${port}/`);
    const page = await request('GET', '/ds/raft/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/@vite/client');
    const data = await request('GET', '/ds/raft/index.json');
    expect(data.json.backlinks.map((b: { source: string }) => b.source).sort()).toEqual(['Embedder', 'Home', 'ds/Paxos']);
    expect((await request('GET', '/graph.json')).json.version).toBe(1);
    // The graph page's own files, from the same graph: the notes file names every note graph.json has.
    const graph = (await request('GET', '/graph.json')).json as { notes: { id: string }[] };
    const notes = (await request('GET', '/graph-notes.json')).json as { ids: string[] };
    expect(notes.ids).toEqual(graph.notes.map((n) => n.id));
    expect((await request('GET', '/graph-layout.json')).json.nodes).toBe(graph.notes.length);
  });

  it('refuses requests whose Host is not this server (DNS rebinding)', async () => {
    expect((await request('GET', '/ds/raft/', undefined, { host: 'evil.example:80' })).status).toBe(403);
    expect((await request('GET', '/_trellis/api/index', undefined, { host: `attacker.test:${port}` })).status).toBe(403);
  });
});

describe('editor API', () => {
  it('reads a note with its hash', async () => {
    const r = await request('GET', '/_trellis/api/note?path=ds/Raft.md');
    expect(r.status).toBe(200);
    expect(r.json.text).toContain('## Election');
    expect(r.json.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses paths that escape the garden', async () => {
    for (const bad of ['../outside.md', '/etc/passwd.md', 'ds/../../x.md', 'escape/secret.md', '.obsidian/x.md', 'ds/Raft.txt']) {
      const read = await request('GET', `/_trellis/api/note?path=${encodeURIComponent(bad)}`);
      expect(read.status, bad).toBe(403);
      const write = await request('PUT', '/_trellis/api/note', { path: bad, text: 'pwned', baseHash: null });
      expect(write.status, bad).toBe(403);
    }
    expect(readFileSync(path.join(path.dirname(root), path.basename(root)) + '/Home.md', 'utf8')).not.toContain('pwned');
  });

  it('refuses cross-origin and non-JSON writes', async () => {
    const r = await request('GET', '/_trellis/api/note?path=Home.md');
    const other = await request('PUT', '/_trellis/api/note', { path: 'Home.md', text: 'x', baseHash: r.json.hash }, { origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    const form = await request('PUT', '/_trellis/api/note', undefined, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(403);
    expect(readFileSync(path.join(root, 'Home.md'), 'utf8')).toContain('Start at');
  });

  it('saves atomically and updates the garden at once: backlinks of the target show the new link', async () => {
    const r = await request('GET', '/_trellis/api/note?path=Home.md');
    const text = r.json.text + '\nAlso [[Embedder]].\n';
    const saved = await request('PUT', '/_trellis/api/note', { path: 'Home.md', text, baseHash: r.json.hash }, { origin: `http://127.0.0.1:${port}` });
    expect(saved.status).toBe(200);
    expect(saved.json.changed).toContain('Home');
    expect(saved.json.changed).toContain('Embedder');
    expect(readFileSync(path.join(root, 'Home.md'), 'utf8')).toBe(text);
    const target = await request('GET', '/embedder/index.json');
    expect(target.json.backlinks.map((b: { source: string }) => b.source)).toContain('Home');
  });

  it('refuses a save based on an old version and returns the disk version; nothing is overwritten', async () => {
    const r = await request('GET', '/_trellis/api/note?path=ds/Paxos.md');
    writeFileSync(path.join(root, 'ds/Paxos.md'), r.json.text + '\nEdited in another program.\n');
    const stale = await request('PUT', '/_trellis/api/note', { path: 'ds/Paxos.md', text: 'my version', baseHash: r.json.hash });
    expect(stale.status).toBe(409);
    expect(stale.json.current.text).toContain('Edited in another program.');
    expect(readFileSync(path.join(root, 'ds/Paxos.md'), 'utf8')).toContain('Edited in another program.');
  });

  it('of two concurrent saves from the same base, exactly one wins', async () => {
    const r = await request('GET', '/_trellis/api/note?path=Embedder.md');
    const [a, b] = await Promise.all([
      request('PUT', '/_trellis/api/note', { path: 'Embedder.md', text: r.json.text + '\nA\n', baseHash: r.json.hash }),
      request('PUT', '/_trellis/api/note', { path: 'Embedder.md', text: r.json.text + '\nB\n', baseHash: r.json.hash }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const disk = readFileSync(path.join(root, 'Embedder.md'), 'utf8');
    expect(disk === r.json.text + '\nA\n' || disk === r.json.text + '\nB\n').toBe(true);
  });

  it('creates a note from the template and refuses to overwrite', async () => {
    const created = await request('POST', '/_trellis/api/note', { title: 'Gossip', folder: 'ds' });
    expect(created.status).toBe(201);
    expect(created.json.path).toBe('ds/Gossip.md');
    expect(readFileSync(path.join(root, 'ds/Gossip.md'), 'utf8')).toContain('# Gossip');
    expect((await request('POST', '/_trellis/api/note', { title: 'Gossip', folder: 'ds' })).status).toBe(409);
    expect((await request('POST', '/_trellis/api/note', { title: 'x', folder: '../..' })).status).toBe(403);
  });

  it('renames a note and rewrites every link to it, keeping anchors, aliases and escaped pipes', async () => {
    const renamed = await request('POST', '/_trellis/api/rename', { from: 'ds/Raft.md', to: 'consensus/Raft Consensus.md' });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    expect(renamed.json.changed.sort()).toEqual(['Embedder.md', 'Home.md', 'ds/Paxos.md']);
    expect(existsSync(path.join(root, 'ds/Raft.md'))).toBe(false);
    expect(readFileSync(path.join(root, 'Home.md'), 'utf8')).toContain('Start at [[Raft Consensus]] or [[ds/Paxos|Paxos]].');
    expect(readFileSync(path.join(root, 'ds/Paxos.md'), 'utf8')).toContain('| [[Raft Consensus\\|the raft note]] |');
    const embedder = readFileSync(path.join(root, 'Embedder.md'), 'utf8');
    expect(embedder).toContain('![[Raft Consensus#Election]]');
    expect(embedder).toContain('[[Raft Consensus]]');
    expect(embedder).toContain('[md](consensus/Raft%20Consensus.md#Election)');
    const data = await request('GET', '/consensus/raft-consensus/index.json');
    expect(data.status).toBe(200);
    expect(data.json.backlinks.length).toBeGreaterThanOrEqual(3);
    const index = await request('GET', '/_trellis/api/index');
    expect(index.json.notes.some((n: { path: string }) => n.path === 'consensus/Raft Consensus.md')).toBe(true);
    expect(index.json.notes.find((n: { path: string }) => n.path === 'ds/Paxos.md').blocks).toEqual(['prep']);
  });

  it('picks up files changed outside the editor through the watcher', async () => {
    mkdirSync(path.join(root, 'new'), { recursive: true });
    writeFileSync(path.join(root, 'new/Fresh.md'), '# Fresh\n\nLinks [[Home]].\n');
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await request('GET', '/new/fresh/index.json')).status;
    }
    expect(status).toBe(200);
  });

  it('with --poll, picks up changes on file systems that send no file events (network drives, WSL)', async () => {
    const polled = makeGarden({ 'A.md': '# A\n\nfirst words\n' });
    const pollPort = await freePort();
    const server = await startDev({ garden: polled, port: pollPort, settleMs: 50, quiet: true, poll: true });
    try {
      const get = async (p: string) => {
        const res = await fetch(`http://127.0.0.1:${pollPort}${p}`);
        return { status: res.status, text: await res.text() };
      };
      writeFileSync(path.join(polled, 'A.md'), '# A\n\nsecond words, linking [[B]]\n');
      writeFileSync(path.join(polled, 'B.md'), '# B\n\nnew\n');
      let b = { status: 0, text: '' };
      for (let i = 0; i < 60 && !(b.status === 200 && b.text.includes('second words')); i++) {
        await new Promise((r) => setTimeout(r, 100));
        b = await get('/b/index.json');
      }
      expect(b.status).toBe(200);
      expect(JSON.parse(b.text).backlinks.map((x: { source: string; context: string }) => [x.source, x.context])).toEqual([['A', 'second words, linking B']]);
    } finally {
      await server.close();
    }
  });
});
