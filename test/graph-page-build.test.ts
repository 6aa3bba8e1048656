/**
 * The global graph page of a built few-hundred-note garden: its no-JavaScript
 * fallback lists topics and their central notes (not every note), and the
 * compact files the page loads (graph-layout.json, graph-notes.json) say the
 * same as graph.json, in fewer bytes, the same bytes every build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGraphLayoutFiles } from '../src/graph/graph-layout-file.ts';
import type { GraphLayoutFile, GraphNotesFile } from '../src/shared/graph-layout.ts';
import { escapeHtml } from '../src/shared/html.ts';
import type { GraphJson } from '../src/shared/types.ts';
import { applyGraphNotes } from '../web/lib/apply-graph-notes.ts';
import { buildLayoutGraph } from '../web/lib/build-layout-graph.ts';
import { buildGeneratedSite } from './helpers/generated-site.ts';

let dist = '';
const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');

beforeAll(async () => {
  ({ dist } = await buildGeneratedSite('graph-page-build', 300));
}, 240_000);

describe('the built graph page', () => {
  it('lists topics with their central notes and a link to every note, not every note', () => {
    const json = JSON.parse(read('graph.json')) as GraphJson;
    const html = read('graph/index.html');
    const fallback = html.slice(html.indexOf('<garden-graph-view'), html.indexOf('</garden-graph-view>'));
    const topics = json.topics ?? [];
    expect(topics.length).toBeGreaterThan(1);
    const titleOf = new Map(json.notes.map((n) => [n.id, n.title]));
    // Top-level topics only; subtopics are on their topic's page.
    for (const t of topics.filter((t) => t.parent !== undefined)) expect(fallback).not.toContain(`>${escapeHtml(t.name)}</a></h2>`);
    for (const t of topics.filter((t) => t.parent === undefined).sort((a, b) => b.size - a.size)) {
      expect(fallback).toContain(`>${escapeHtml(t.name)}</a></h2>`);
      for (const hub of t.hubs.slice(0, 5)) expect(fallback).toContain(`>${escapeHtml(titleOf.get(hub)!)}</a>`);
    }
    expect(fallback).toContain('href="/search/">All notes, A to Z</a> <span class="count">300</span>');
    const links = fallback.match(/<a class="note-list-title"/g) ?? [];
    expect(links.length).toBeLessThan(json.notes.length / 2);
  });

  it('writes layout and notes files that rebuild graph.json’s graph', () => {
    const json = JSON.parse(read('graph.json')) as GraphJson;
    const layout = JSON.parse(read('graph-layout.json')) as GraphLayoutFile;
    const notes = JSON.parse(read('graph-notes.json')) as GraphNotesFile;
    const graph = buildLayoutGraph(layout);
    applyGraphNotes(graph, notes);
    expect(graph.order).toBe(json.notes.length);
    const span = Math.max(layout.bounds.maxX - layout.bounds.minX, layout.bounds.maxY - layout.bounds.minY);
    json.notes.forEach((note, i) => {
      const a = graph.getNodeAttributes(String(i));
      expect([a.id, a.label, a.url, a.tags, a.topic]).toEqual([note.id, note.title, note.url, note.tags, note.topic]);
      expect(Math.abs(a.x - note.x!)).toBeLessThanOrEqual(span / 65535);
      expect(Math.abs(a.y - note.y!)).toBeLessThanOrEqual(span / 65535);
      expect(Math.abs(a.weight - (note.weight ?? 0))).toBeLessThanOrEqual(1 / 255);
    });
    const pairs = new Set(json.links.filter((l) => l.source !== l.target).map((l) => `${l.source}>${l.target}`));
    expect(new Set(graph.edges().map((e) => `${graph.getNodeAttribute(graph.source(e), 'id')}>${graph.getNodeAttribute(graph.target(e), 'id')}`))).toEqual(
      pairs,
    );
    expect(read('graph-layout.json').length + read('graph-notes.json').length).toBeLessThan(read('graph.json').length / 2);
  });

  it('writes the same bytes for the same graph', () => {
    const json = JSON.parse(read('graph.json')) as GraphJson;
    const again = toGraphLayoutFiles(JSON.parse(JSON.stringify(json)) as GraphJson);
    expect(JSON.stringify(again.layout)).toBe(read('graph-layout.json'));
    expect(JSON.stringify(again.notes)).toBe(read('graph-notes.json'));
  });
});
