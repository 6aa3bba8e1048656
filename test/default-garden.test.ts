/** The default garden is the showcase: big enough, clean, and its topics are its subjects. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { emitSite } from '../src/emit/index.ts';
import type { NoteData } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';

let model: GardenModel;
const garden = path.resolve(import.meta.dirname, '../garden');

beforeAll(async () => {
  model = await buildGarden({ garden, noCache: true });
}, 120_000);

describe('garden/', () => {
  it('has at least 80 substantive notes of 200 to 1,200 words of prose', () => {
    expect(model.report.notes).toBeGreaterThanOrEqual(80);
    for (const n of model.notes) {
      expect.soft(n.parsed.wordCount, n.parsed.path).toBeGreaterThanOrEqual(200);
    }
  });
  it('checks clean: no broken, ambiguous or anchor-broken links, no warnings', () => {
    expect(model.report.broken).toEqual([]);
    expect(model.report.brokenAnchors).toEqual([]);
    expect(model.report.ambiguous).toEqual([]);
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
  it('has topics that are its subjects', () => {
    const names = model.graph.topics
      .slice(0, 3)
      .map((t) => t.name)
      .sort();
    expect(names).toEqual(['Distributed Systems', 'Linux Internals', 'MLOps']);
    const topicOf = (id: string) => model.graph.topics[model.graph.topicOf.get(id as never)!]!.name;
    expect(topicOf('Distributed Systems/Raft')).toBe('Distributed Systems');
    expect(topicOf('Linux Internals/The CFS Scheduler')).toBe('Linux Internals');
    expect(topicOf('MLOps/Feature Stores')).toBe('MLOps');
  });
  it('uses the syntax the engine supports', () => {
    const html = model.notes.map((n) => n.html).join('\n');
    expect(html).toContain('class="transclusion"');
    expect(html).toContain('class="callout"');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<pre class="mermaid">');
    expect(html).toContain('<mark>');
    expect(html).toMatch(/<img src="\/assets\/[^"]+\.svg"/);
    expect(model.notes.some((n) => n.parsed.frontmatter.aliases.length > 0)).toBe(true);
    expect(model.notes.some((n) => n.parsed.tags.some((t) => t.includes('/')))).toBe(true);
    const layout = model.graph.json.notes.every((n) => typeof n.x === 'number' && typeof n.y === 'number' && n.topic !== undefined);
    expect(layout).toBe(true);
    expect(readFileSync(path.join(garden, 'Home.md'), 'utf8')).toContain('[[Distributed Systems Map]]');
  });
  it('emits series navigation, topic pages, the explorer and recently tended notes on the home page', async () => {
    const out = path.join(tempDir(), 'site');
    await emitSite(model, { out, site: { title: 'Garden', basePath: '/' } });
    const raft = JSON.parse(readFileSync(path.join(out, 'distributed-systems/raft/index.json'), 'utf8')) as NoteData;
    expect(raft.series).toMatchObject({ name: 'Distributed Systems Foundations', total: 29 });
    expect(raft.series!.prev && raft.series!.next).toBeTruthy();
    const raftPage = readFileSync(path.join(out, 'distributed-systems/raft/index.html'), 'utf8');
    expect(raftPage).toContain(`Part ${raft.series!.position} of 29 in <strong>Distributed Systems Foundations</strong>`);
    expect(raftPage).toContain(`rel="next" href="${raft.series!.next!.url}"`);
    const home = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')) as NoteData;
    expect(home.recent).toHaveLength(10);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('aria-label="Recently tended"');
    const topics = readFileSync(path.join(out, 'topics/index.html'), 'utf8');
    for (const name of ['Distributed Systems', 'Linux Internals', 'MLOps']) expect(topics).toContain(`>${name}</a>`);
    expect(readFileSync(path.join(out, 'topics/mlops/index.html'), 'utf8')).toContain('href="/mlops/feature-stores/"');
    const explorer = readFileSync(path.join(out, 'explorer/index.html'), 'utf8');
    expect(explorer).toContain('<summary>Linux Internals</summary>');
    expect(explorer).toContain('href="/linux-internals/epoll/"');
  });

  it('lays out the same picture every time', async () => {
    const again = await buildGarden({ garden, noCache: true });
    expect(again.graph.json).toEqual(model.graph.json);
  }, 120_000);
});
