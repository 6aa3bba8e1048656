/**
 * Property: random sequences of edits, creates, renames, deletes, publish
 * flips and attachment changes, applied incrementally to the dev server's
 * in-memory garden, give exactly the output of a clean build of the same files.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGarden, type GardenModel } from '../src/build.ts';
import { GardenState, type GardenView } from '../src/dev/garden-state.ts';
import { toNoteData } from '../src/emit/note-data.ts';
import { buildSiteContext } from '../src/emit/site-context.ts';
import { seededRandom } from '../src/graph/random.ts';
import { makeGarden } from './helpers/garden.ts';
import { randomLinkParagraph } from './helpers/random-link-paragraph.ts';

/** A note's data as the site serves it (index.json). */
function served<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

/** Everything a site is made of: pages' data, graph.json, diagnostics, report. */
function snapshot(model: GardenModel) {
  const published = model.notes.filter((n) => n.publish);
  const info = new Map(published.map((n) => [n.parsed.id, { title: n.parsed.title, url: n.url }]));
  return {
    notes: published.map((n) =>
      served(
        toNoteData(
          n,
          model.graph,
          info,
          true,
          buildSiteContext(model.notes, (id) => model.links.get(id) ?? []),
        ),
      ),
    ),
    graph: model.graph.json,
    diagnostics: model.diagnostics,
    report: model.report,
  };
}

/** The same from the dev server's incremental view: settled, it has topics and positions as a clean build does. */
function settledSnapshot(view: GardenView): ReturnType<typeof snapshot> {
  const published = view.notes.filter((n) => n.publish);
  const info = new Map(published.map((n) => [n.parsed.id, { title: n.parsed.title, url: n.url }]));
  return {
    notes: published.map((n) => {
      const data = served(toNoteData(n, view.graph, info, true, view.site()));
      // The dev server's mentions also name their source file and its hash, for the Link action: the rest is as built.
      const unlinkedMentions = data.unlinkedMentions.map((m) => {
        const copy = { ...m };
        delete copy.edit;
        return copy;
      });
      return { ...data, unlinkedMentions };
    }),
    graph: view.graphJson(),
    diagnostics: view.diagnostics(),
    report: view.report(),
  };
}

/** The view before topics and layout are recomputed (so without them). */
function viewSnapshot(state: GardenState) {
  return withoutLayout(settledSnapshot(state.view()));
}

function withoutLayout(snap: ReturnType<typeof snapshot>) {
  return {
    notes: snap.notes.map((n) => ({ ...n, topic: undefined, subtopic: undefined })),
    links: snap.graph.links,
    diagnostics: snap.diagnostics,
    report: snap.report,
  };
}

const names = ['Raft', 'Paxos', 'Quorums', 'Gossip', 'Clocks', 'CRDTs', 'Sharding', 'cgroups', 'Page Cache'];
const folders = ['', 'ds/', 'linux/', 'ds/deep/'];

function body(rand: () => number, id: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const lines = [
    `---\ntags: [t/${pick(['a', 'b', 'c', 'moc'])}]\n${rand() < 0.5 ? `series: S\norder: ${Math.floor(rand() * 5)}\n` : ''}${rand() < 0.15 ? 'publish: false\n' : ''}${rand() < 0.1 ? `permalink: /p/${pick(names).toLowerCase().replace(' ', '-')}\n` : ''}${rand() < 0.3 ? `aliases: [${pick(names)} alias]\n` : ''}---`,
    `# Version ${id}`,
    '',
    // Headings and block ids come and go, so links into a note break and heal when only that note changes.
    `## Section ${rand() < 0.7 ? 'one' : 'two'}`,
    '',
  ];
  const blockAt = rand() < 0.7 ? 1 : -1;
  for (let i = 0; i < 4; i++) {
    lines.push(randomLinkParagraph(pick, names, i, i === blockAt), '');
  }
  return lines.join('\n');
}

describe('incremental rebuild equals a clean build', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}`, async () => {
      const rand = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const files: Record<string, string> = {};
      for (let i = 0; i < 10; i++) files[`${pick(folders)}${pick(names)}.md`] = body(rand, i);
      const root = makeGarden(files);
      const state = await GardenState.open(root);
      const existing = () => Object.keys(files).filter((f) => existsSync(path.join(root, f)));
      let version = 100;
      for (let step = 0; step < 12; step++) {
        const touched: string[] = [];
        const ops = 1 + Math.floor(rand() * 3);
        for (let k = 0; k < ops; k++) {
          const op = rand();
          const present = existing();
          if (op < 0.4 && present.length) {
            const f = pick(present);
            writeFileSync(path.join(root, f), body(rand, version++));
            touched.push(f);
          } else if (op < 0.6) {
            const f = `${pick(folders)}${pick(names)}.md`;
            mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
            writeFileSync(path.join(root, f), body(rand, version++));
            files[f] = '';
            touched.push(f);
          } else if (op < 0.75 && present.length) {
            const from = pick(present);
            const to = `${pick(folders)}${pick(names)}.md`;
            if (from === to || existsSync(path.join(root, to))) continue;
            mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
            renameSync(path.join(root, from), path.join(root, to));
            files[to] = '';
            touched.push(from, to);
          } else if (op < 0.9 && present.length > 2) {
            const f = pick(present);
            rmSync(path.join(root, f));
            touched.push(f);
          } else {
            const f = 'img/pic.png';
            if (existsSync(path.join(root, f))) rmSync(path.join(root, f));
            else {
              mkdirSync(path.join(root, 'img'), { recursive: true });
              writeFileSync(path.join(root, f), new Uint8Array([1, 2, 3]));
            }
            touched.push(f);
          }
        }
        await state.apply(touched);
        const clean = snapshot(await buildGarden({ garden: root, noCache: true, threads: 1 }));
        expect(viewSnapshot(state), `incremental view, seed ${seed}, step ${step}`).toEqual(withoutLayout(clean));
        if (step % 3 === 2) expect(settledSnapshot(await state.settle()), `settled, seed ${seed}, step ${step}`).toEqual(clean);
      }
    }, 240_000);
  }

  it('reports which notes changed: the edited note and the target whose backlinks grew', async () => {
    const root = makeGarden({ 'a.md': '# A\n\nnothing yet', 'b.md': '# B\n\nplain', 'c.md': 'embeds ![[a]]' });
    const state = await GardenState.open(root);
    writeFileSync(path.join(root, 'a.md'), '# A\n\nnow links [[b]]');
    const change = await state.apply(['a.md']);
    expect(change.rerendered).toEqual(['a']);
    expect(change.changed).toEqual(['a', 'b', 'c']);
    const b = state.view().graph.backlinks.get('b' as never)!;
    expect(b.map((x) => x.context)).toEqual(['now links b']);
    // Only the sentence around the link changes: the target's backlink context changed, so the target did too.
    writeFileSync(path.join(root, 'a.md'), '# A\n\nstill links [[b]], reworded');
    const reworded = await state.apply(['a.md']);
    expect(reworded.changed).toContain('b');
    expect(
      state
        .view()
        .graph.backlinks.get('b' as never)!
        .map((x) => x.context),
    ).toEqual(['still links b, reworded']);
  }, 60_000);

  it('keeps backlinks without their contexts, which stay right when a source numbers its links anew', async () => {
    const root = makeGarden({
      'a.md': '# A\n\nA is about [[b]] here.',
      'b.md': '# B\n\nplain',
      'c.md': '# C\n\nC also cites [[b]].',
    });
    const state = await GardenState.open(root);
    const contexts = (id: string) =>
      (state.view().graph.backlinks.get(id as never) ?? []).map((x) => `${x.source}: ${x.context} ${JSON.stringify(x.highlight)}`);
    expect(contexts('b')).toEqual(['a: A is about b here. [11,12]', 'c: C also cites b. [13,14]']);
    // The server holds no context strings: each backlink reads its own from the store when asked.
    for (const x of state.view().graph.backlinks.get('b' as never)!) expect(Object.getOwnPropertyDescriptor(x, 'context')).toBeUndefined();

    // A link put before the one to b: a's link to b is its second now, and its first goes to c.
    writeFileSync(path.join(root, 'a.md'), '# A\n\nFirst [[c]] then.\n\nA is about [[b]] here.');
    const renumbered = await state.apply(['a.md']);
    expect(contexts('b')).toEqual(['a: A is about b here. [11,12]', 'c: C also cites b. [13,14]']);
    expect(contexts('c')).toEqual(['a: First c then. [6,7]']);
    // b's backlinks read the same as before: not reported as changed; c has one more.
    expect(renumbered.changed).toEqual(['a', 'c']);

    // Only the sentence around a link changes: reported, and read anew.
    writeFileSync(path.join(root, 'a.md'), '# A\n\nFirst [[c]] then.\n\nA is now about [[b]].');
    const reworded = await state.apply(['a.md']);
    expect(reworded.changed).toEqual(['a', 'b']);
    expect(contexts('b')).toEqual(['a: A is now about b. [15,16]', 'c: C also cites b. [13,14]']);
    // The served page's data holds them as plain records, read once.
    const served = JSON.parse(JSON.stringify(state.view().graph.backlinks.get('b' as never))) as { context: string }[];
    expect(served.map((x) => x.context)).toEqual(['A is now about b.', 'C also cites b.']);
  }, 60_000);

  it("a note at a URL of the site's own pages is warned about once, and no more once renamed, as in a clean build", async () => {
    const root = makeGarden({ 'Graph.md': '# Graph\n\nabout graphs', 'b.md': '# B\n\nlinks [[Graph]]' });
    const state = await GardenState.open(root);
    const reserved = () =>
      state
        .view()
        .diagnostics()
        .filter((d) => d.ruleId === 'reserved-url')
        .map((d) => d.file);
    expect(reserved()).toEqual(['Graph.md']);
    writeFileSync(path.join(root, 'c.md'), '# C\n');
    await state.apply(['c.md']);
    expect(reserved()).toEqual(['Graph.md']);
    expect(state.view().diagnostics()).toEqual((await buildGarden({ garden: root, noCache: true, threads: 1 })).diagnostics);
    renameSync(path.join(root, 'Graph.md'), path.join(root, 'Charts.md'));
    await state.apply(['Graph.md', 'Charts.md']);
    expect(reserved()).toEqual([]);
    expect(state.view().diagnostics()).toEqual((await buildGarden({ garden: root, noCache: true, threads: 1 })).diagnostics);
  }, 60_000);

  it('lists outgoing links in link order, in a build and in the dev server, numeric note names included', async () => {
    const root = makeGarden({ 'a.md': '# A\n\n[[b]] then [[2024]] then ![[c]] and [[b]]', 'b.md': '# B', '2024.md': '# Year', 'c.md': '# C' });
    const model = await buildGarden({ garden: root, noCache: true, threads: 1, layout: false });
    expect(model.graph.outgoing.get('a' as never)).toEqual(['b', '2024', 'c']);
    expect(model.graph.json.links.map((l) => l.target)).toEqual(['b', '2024', 'c']);
    const state = await GardenState.open(root);
    expect(state.view().graph.outgoing.get('a' as never)).toEqual(['b', '2024', 'c']);
    expect(state.view().graphJson().links).toEqual(model.graph.json.links);
  }, 60_000);

  it('a change applied while the garden settles is not lost: the settle starts over from the changed garden', async () => {
    const root = makeGarden({ 'a.md': '# A\n\nlinks [[b]]', 'b.md': '# B\n\nplain', 'c.md': '# C\n\nlinks [[a]]' });
    const state = await GardenState.open(root);
    writeFileSync(path.join(root, 'b.md'), '# B\n\nnow links [[c]]');
    await state.apply(['b.md']);
    expect(state.settled).toBe(false);
    // The settle takes its snapshot now; the change below begins before its layout is done.
    const settling = state.settle();
    writeFileSync(path.join(root, 'd.md'), '# D\n\nlinks [[a]] and [[b]]');
    const applying = state.apply(['d.md']);
    const [view] = await Promise.all([settling, applying]);
    const clean = snapshot(await buildGarden({ garden: root, noCache: true, threads: 1 }));
    expect(settledSnapshot(view)).toEqual(clean);
    expect(view.notes.map((n) => n.parsed.id)).toContain('d');
    expect(state.settled).toBe(true);
  }, 60_000);
});
