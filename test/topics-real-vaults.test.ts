/**
 * Topics on a vault shaped like real community vaults (test/helpers/messy-vault.ts): numbered
 * and container folders, a handle-named folder, many tiny link clusters. Built through the real
 * build path: at most a dozen top-level topics, each named after its subject, never after a
 * container, a numbering or a handle; subtopics under them; the configuration's pins and maps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import type { Topic } from '../src/shared/types.ts';
import { messySubjects, writeMessyVault } from './helpers/messy-vault.ts';
import { cleanName, isGenericName } from '../src/graph/topics-names.ts';
import { firstBy } from '../src/graph/topics.ts';
import { seededRandom } from '../src/graph/random.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'trellis-messy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function topicsOf(topics?: Parameters<typeof buildGarden>[0]['topics']) {
  const model = await buildGarden({ garden: dir, noCache: true, render: false, threads: 1, ...(topics ? { topics } : {}) });
  model.close?.();
  return model.graph;
}

/** The top-level topic most of a subject's notes are in. */
function topicOfSubject(graph: Awaited<ReturnType<typeof topicsOf>>, subject: string): Topic {
  const s = messySubjects[subject]!;
  const counts = new Map<number, number>();
  for (const title of s.titles) {
    const t = graph.topicOf.get(`${s.folder}/${title}` as never)!;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const [id] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return graph.topics[id]!;
}

describe('topics on a messy vault', () => {
  let graph: Awaited<ReturnType<typeof topicsOf>>;
  beforeAll(async () => {
    writeMessyVault(dir);
    graph = await topicsOf();
  }, 120_000);

  it('gives a dozen or fewer top-level topics, each named after its subject', () => {
    const top = graph.topics.filter((t) => t.parent === undefined);
    expect(top.length).toBeGreaterThanOrEqual(5);
    expect(top.length).toBeLessThanOrEqual(12);
    expect(top.map((t) => t.id)).toEqual(top.map((_t, i) => i));
    // Every note has a top-level topic.
    expect(graph.json.notes.every((n) => n.topic !== undefined && graph.topics[n.topic]!.parent === undefined)).toBe(true);
    expect(topicOfSubject(graph, 'Cooking').name).toBe('Cooking');
    expect(topicOfSubject(graph, 'Gardening').name).toBe('Gardening');
    expect(topicOfSubject(graph, 'History').name).toBe('History');
    expect(topicOfSubject(graph, 'Astronomy').name).toBe('Astronomy');
    expect(topicOfSubject(graph, 'Themes').name).toBe('Themes by Category');
    expect(topicOfSubject(graph, 'Plugins').name).toBe('Plugins');
    expect(topicOfSubject(graph, 'Kanban').name).toBe('Kanban');
  });

  it('never names a topic after a container folder, a numbering or a handle', () => {
    const forbidden = ['Notes', 'Archive', 'Arquivo', 'Inbox', '000 Inbox', '02-Sources', 'Sources', 'Templates', 'mgmeyers', '02 - Community Expansions'];
    for (const t of graph.topics) {
      expect(forbidden).not.toContain(t.name);
      expect(t.name).not.toMatch(/^[\d\p{Extended_Pictographic}]/u);
    }
    // Names are unique, case-insensitively.
    const names = graph.topics.map((t) => t.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives subtopics under their topic, in shades of its colour, with their notes inside the topic', () => {
    const subs = graph.topics.filter((t) => t.parent !== undefined);
    expect(subs.length).toBeGreaterThan(0);
    for (const s of subs) {
      const parent = graph.topics[s.parent!]!;
      expect(parent.parent).toBeUndefined();
      expect(s.color).not.toBe(parent.color);
      expect(s.id).toBeGreaterThan(graph.topics.filter((t) => t.parent === undefined).length - 1);
    }
    for (const n of graph.json.notes) {
      if (n.subtopic === undefined) continue;
      expect(graph.topics[n.subtopic]!.parent).toBe(n.topic);
    }
    // A topic's subtopics cover all its notes.
    for (const t of graph.topics.filter((x) => x.parent === undefined)) {
      const children = subs.filter((s) => s.parent === t.id);
      if (children.length) expect(children.reduce((sum, c) => sum + c.size, 0)).toBe(t.size);
    }
  });

  it('gives the same topics on a second build', async () => {
    const again = await topicsOf();
    expect(again.topics).toEqual(graph.topics);
    expect([...again.subtopicOf]).toEqual([...graph.subtopicOf]);
  }, 120_000);

  it('follows the configuration: a folder or tag mapped to a topic, a name pinned by note or by name', async () => {
    const configured = await topicsOf({
      names: { 'Notes/Sourdough Starter.md': 'Baking', Gardening: 'Allotment' },
      map: { tags: { '#astronomy': 'Stargazing' }, folders: { mgmeyers: 'Boards' } },
    });
    expect(topicOfSubject(configured, 'Cooking').name).toBe('Baking');
    expect(topicOfSubject(configured, 'Gardening').name).toBe('Allotment');
    const stars = topicOfSubject(configured, 'Astronomy');
    expect(stars.name).toBe('Stargazing');
    // Every note tagged #astronomy (or nested below it) is in the mapped topic, and only those.
    const tagged = configured.json.notes.filter((n) => n.tags.some((t) => t === 'astronomy' || t.startsWith('astronomy/')));
    expect(tagged.every((n) => n.topic === stars.id)).toBe(true);
    expect(stars.size).toBe(tagged.length);
    const boards = topicOfSubject(configured, 'Kanban');
    expect(boards.name).toBe('Boards');
    expect(boards.size).toBe(messySubjects.Kanban!.titles.length);
    expect(configured.topics.filter((t) => t.parent === undefined).length).toBeLessThanOrEqual(12);
  }, 120_000);
});

describe('topic names', () => {
  it('drops numbering and symbols, and knows container names in several languages', () => {
    expect(cleanName('🗂️ 02.02 Themes by Category')).toBe('Themes by Category');
    expect(cleanName('02 - Community Expansions')).toBe('Community Expansions');
    expect(cleanName('02-Sources')).toBe('Sources');
    expect(cleanName('1. Projects')).toBe('Projects');
    expect(cleanName('Distributed Systems')).toBe('Distributed Systems');
    expect(cleanName('3D Printing')).toBe('3D Printing');
    for (const generic of [
      'Notes',
      'Archive',
      'Arquivo',
      'Archivo',
      'Inbox',
      'Caixa de entrada',
      'Templates',
      'Vorlagen',
      'Attachments',
      'Anexos',
      'Sources',
      'Daily Notes',
      '2024-01-05',
    ])
      expect([generic, isGenericName(cleanName(generic))]).toEqual([generic, true]);
    for (const subject of ['Distributed Systems', 'Kanban', 'Themes by Category', 'Reading list', 'Linux Internals'])
      expect([subject, isGenericName(subject)]).toEqual([subject, false]);
  });
});

describe('topic hubs', () => {
  it('are the first five by weight, as sorting every note would give, ties by id', () => {
    const rand = seededRandom(5);
    for (let round = 0; round < 200; round++) {
      const ids = Array.from({ length: Math.floor(rand() * 40) }, (_, i) => `n${i}`);
      // Few distinct weights: many ties, broken by id.
      const weight = new Map(ids.map((id) => [id, Math.floor(rand() * 4) / 4]));
      const byWeight = (a: string, b: string) => weight.get(b)! - weight.get(a)! || (a < b ? -1 : 1);
      const shuffled = [...ids].sort(() => rand() - 0.5);
      expect(firstBy(shuffled, byWeight, 5)).toEqual([...shuffled].sort(byWeight).slice(0, 5));
    }
  });
});
