/** The default garden is the showcase: big enough, clean, and its topics are its subjects. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';

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
    const names = model.graph.topics.slice(0, 3).map((t) => t.name).sort();
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
  it('lays out the same picture every time', async () => {
    const again = await buildGarden({ garden, noCache: true });
    expect(again.graph.json).toEqual(model.graph.json);
  }, 120_000);
});
