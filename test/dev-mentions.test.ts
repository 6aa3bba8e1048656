/**
 * Unlinked mentions in `trellis dev`: the author sees every one, even those readers do not get
 * (a one-word title written as an ordinary word) and even with `features.unlinkedMentions: false`,
 * while the built site leaves them out. Each can be linked with one request (the Link button's),
 * over real HTTP: the file changes exactly at the mention, the page shows the new backlink; a file
 * changed on disk since the page was shown, another origin or a path outside the garden is refused
 * and nothing is written.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import type { NoteData } from '../src/shared/types.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden } from './helpers/garden.ts';

let dev: DevServer;
let garden: string;

const paxos = '# Paxos\n\nOlder than raft; a *Raft* cluster also elects.\n';
const gossip = '# Gossip\n\nUnlike Raft, no leader.\n';

beforeAll(async () => {
  garden = makeGarden({
    'trellis.config.yaml': 'features: { unlinkedMentions: false }\n',
    'Preferences.md': '# Preferences\n\nWhere options live.\n',
    'Lower.md': '# Lower\n\nOpen the preferences to change the theme.\n',
    'Upper.md': '# Upper\n\nThe Preferences pane lists every plugin.\n',
    'ds/Raft.md': '# Raft\n\nA consensus algorithm.\n',
    'ds/Paxos.md': paxos,
    'Gossip.md': gossip,
  });
  dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const read = (rel: string) => readFileSync(path.join(garden, rel), 'utf8');
const raftData = async () => (await (await fetch(dev.url + 'ds/raft/index.json')).json()) as NoteData;

function linkMention(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(dev.url + '_trellis/api/link-mention', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('unlinked mentions in trellis dev', () => {
  it('keeps every mention for the author, whatever readers get, open and each with a Link button', async () => {
    const data = (await (await fetch(dev.url + 'preferences/index.json')).json()) as NoteData;
    expect(data.unlinkedMentions.map((m) => m.title).sort()).toEqual(['Lower', 'Upper']);
    expect(data.unlinkedMentions.find((m) => m.title === 'Lower')?.edit).toEqual({ path: 'Lower.md', hash: sha256(read('Lower.md')) });
    const page = await (await fetch(dev.url + 'preferences/')).text();
    expect(page).toContain('aria-label="Unlinked mentions"');
    expect(page).toContain('<span class="count">2</span>');
    expect(page).toContain('<details open>');
    expect(page.match(/<button type="button" class="mention-link" data-action="link-mention" data-path="Lower.md"/g)).toHaveLength(1);
  });

  it('links a mention in its source file at the mention, and the target gains the backlink', async () => {
    const mention = (await raftData()).unlinkedMentions.find((m) => m.source === 'ds/Paxos')!;
    expect(mention.edit).toEqual({ path: 'ds/Paxos.md', hash: sha256(paxos) });
    const text = mention.context.slice(...mention.highlight!);
    expect(text).toBe('raft');
    const r = await linkMention({ path: 'ds/Paxos.md', target: 'ds/Raft', baseHash: mention.edit!.hash, text });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { path: string; link: string; hash: string; changed: string[] };
    expect(body).toMatchObject({ path: 'ds/Paxos.md', link: '[[Raft|raft]]', hash: sha256(read('ds/Paxos.md')) });
    expect(body.changed).toContain('ds/Raft');
    // Only the first mention changed; the emphasised one after it is untouched.
    expect(read('ds/Paxos.md')).toBe('# Paxos\n\nOlder than [[Raft|raft]]; a *Raft* cluster also elects.\n');
    const after = await raftData();
    expect(after.backlinks.map((b) => b.source)).toContain('ds/Paxos');
    expect(after.unlinkedMentions.map((m) => m.source)).not.toContain('ds/Paxos');
  });

  it('refuses a file changed on disk since the page was shown, and leaves it as it is', async () => {
    const mention = (await raftData()).unlinkedMentions.find((m) => m.source === 'Gossip')!;
    expect(mention.edit?.hash).toBe(sha256(gossip));
    const changed = gossip + '\nA line added in another editor.\n';
    writeFileSync(path.join(garden, 'Gossip.md'), changed);
    const r = await linkMention({ path: 'Gossip.md', target: 'ds/Raft', baseHash: mention.edit!.hash, text: 'Raft' });
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: string }).error).toBe(
      'Gossip.md changed on disk since this page was shown, so nothing was linked; the page updates with it, then try again',
    );
    expect(read('Gossip.md')).toBe(changed);
  });

  it('refuses other origins, paths outside the garden and a mention that reads differently, writing nothing', async () => {
    const before = read('Gossip.md');
    const hash = sha256(before);
    const foreign = await linkMention({ path: 'Gossip.md', target: 'ds/Raft', baseHash: hash, text: 'Raft' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const outside = await linkMention({ path: '../outside.md', target: 'ds/Raft', baseHash: hash, text: 'Raft' });
    expect(outside.status).toBe(403);
    const other = await linkMention({ path: 'Gossip.md', target: 'ds/Raft', baseHash: hash, text: 'raft' });
    expect(other.status).toBe(409);
    expect(((await other.json()) as { error: string }).error).toContain('now reads “Raft”, not “raft”');
    expect(read('Gossip.md')).toBe(before);
  });
});
