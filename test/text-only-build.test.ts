/**
 * A warm build of edited text (src/incremental/text-only.ts) keeps list pages, redirects, the
 * graph's files and every page the edit cannot reach as the previous site's files, and still
 * gives byte for byte what a cold build gives: random sequences of text-only edits (sentences that
 * mention other notes and stop mentioning them, words around links, text shown through embeds two
 * levels deep) mixed with edits of a link alone (which are not text only), each built through the CLI over the previous site and compared with a cold build.
 */
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/graph/random.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { propertyRun, propertySeeds } from './helpers/property-run.ts';
import { build, derivedFacts, recordedDiagnostics, recordedManifest, siteDiff } from './helpers/site-diff.ts';

const names = ['Raft', 'Paxos', 'Quorums', 'Gossip', 'Clocks'];

/** A note's text before any edit: a link to the next note, an embed of the one after, tags and an alias. */
function baseText(i: number, words: string): string {
  const next = names[(i + 1) % names.length]!;
  const after = names[(i + 2) % names.length]!;
  return [
    `---\ntags: [t/${i % 2 ? 'a' : 'b'}]\naliases: [${names[i]} alias]\n---`,
    `# ${names[i]}`,
    '',
    // After the words an edit changes: a broken link, a missing heading, an ambiguous link and (in Raft) an embed
    // cycle through Top and Index, whose diagnostics move with the words (the recorded report must follow).
    `The ${words} words around [[${next}]] in the first paragraph, [[Nowhere]], [[${after}#Missing part]], [[Dup]]${i === 0 ? ' ![[Top]]' : ''}.`,
    '',
    i < 2 ? `It shows ![[${after}]] too.` : 'Plain text here.',
    '',
  ].join('\n');
}

/** A garden of `files`, and beside each other a folder for its site and one for its build cache. */
function workspace(files: Record<string, string>): { garden: string; work: string; out: string; cache: string } {
  const work = tempDir();
  return { garden: makeGarden(files), work, out: path.join(work, 'site'), cache: path.join(work, 'cache') };
}

describe('a warm build of edited text equals a cold build', () => {
  for (const seed of propertySeeds([7]))
    it(`through random text-only edits, seed ${seed}`, async () => {
      const rand = seededRandom(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
      const files: Record<string, string> = { 'trellis.config.yaml': 'title: Garden\nurl: https://example.org/notes/\n' };
      names.forEach((n, i) => (files[`${n}.md`] = baseText(i, 'first')));
      // Embeds two levels deep: Top shows Index, which shows Raft and links to Paxos.
      files['Index.md'] = '# Index\n\n![[Raft]]\n\nSee [[Paxos]].\n';
      files['Top.md'] = '# Top\n\n![[Index]]\n';
      files['x/Dup.md'] = '# Dup\n';
      files['y/Dup.md'] = '# Dup\n';
      const garden = makeGarden(files);
      const run = propertyRun(garden);
      for (let step = 0; step < 10; step++) {
        const ops = 1 + Math.floor(rand() * 3);
        // Each note's first link as written, to tell a step that changed a link.
        const links = () => names.map((n) => /\[\[[^\]]+\]\] in the first/.exec(readFileSync(path.join(garden, `${n}.md`), 'utf8'))?.[0]).join('\n');
        const linksBefore = links();
        for (let k = 0; k < ops; k++) {
          const i = Math.floor(rand() * names.length);
          const file = path.join(garden, `${names[i]}.md`);
          const op = rand();
          // A sentence naming another note without linking it (an unlinked mention), or by its alias.
          if (op < 0.4)
            writeFileSync(file, readFileSync(file, 'utf8') + `\nStep ${step} is about ${pick(names)}${rand() < 0.3 ? ' alias' : ''}, in passing.\n`);
          // Back to the first text: the mentions go, the words around the link change back.
          else if (op < 0.65) writeFileSync(file, baseText(i, pick(['first', 'second'])));
          // Other words around the link: its context on the target's page.
          else if (op < 0.85)
            writeFileSync(file, readFileSync(file, 'utf8').replace(/The [\w ]+ words/, `The ${pick(['other', 'third and longer', 'four'])} words`));
          // The link alone changed (another target, or text shown for it): not text only, and the build must see it.
          else
            writeFileSync(
              file,
              readFileSync(file, 'utf8').replace(/\[\[[^\]]+\]\] in the first/, `[[${pick(names)}${rand() < 0.5 ? '|shown' : ''}]] in the first`),
            );
        }
        // Built at once: notes written within the racy margin are read again, as an author saving and building would have them.
        const summary = await run.step(`seed ${seed}, step ${step}`, { settle: false });
        expect(summary).toMatch(/notes? changed: |is up to date/);
        // The summary says when only text changed; a changed link is never taken for text.
        if (links() !== linksBefore) expect(summary).not.toContain('only text changed');
        else expect(summary).toMatch(/only text changed|is up to date/);
      }
    }, 300_000);

  it("records the diagnostics a text edit moves as a cold build does, those found through another note's embeds too", async () => {
    // Checking Top's embeds finds the cycle at Raft's `![[Top]]`: Raft's edit moves it, though Top did not change.
    const garden = makeGarden({
      'Raft.md': '# Raft\n\nThe first words around [[Paxos]], [[Nowhere]], [[Paxos#Gone]] and ![[Top]].\n',
      'Top.md': '# Top\n\n![[Index]]\n',
      'Index.md': '# Index\n\n![[Raft]]\n\nSee [[Paxos]].\n',
      'Paxos.md': '# Paxos\n\nText.\n',
    });
    const run = propertyRun(garden);
    writeFileSync(path.join(garden, 'Raft.md'), '# Raft\n\nThe first and much longer words around [[Paxos]], [[Nowhere]], [[Paxos#Gone]] and ![[Top]].\n');
    // Its site and its recorded report and diagnostics are a cold build's (the step compares both).
    const summary = await run.step("Raft's words");
    expect(summary).toContain('only text changed');
    expect(recordedDiagnostics(garden, run.cache)).toEqual([
      'Index.md:3:1 embed-cycle',
      'Raft.md:3:51 missing-note',
      'Raft.md:3:64 missing-heading',
      'Raft.md:3:83 embed-cycle',
      'Top.md:3:1 embed-cycle',
    ]);
    // What it derived of the links is kept for the site it made (src/incremental/derived-facts.ts), so the next text edit reads it too.
    const record = JSON.parse(readFileSync(path.join(run.out, '.trellis-build.json'), 'utf8')) as { fingerprint: string };
    expect(derivedFacts(garden, run.cache).fingerprint).toBe(record.fingerprint);
  }, 60_000);

  it("checks again the embeds a link change reaches, and keeps the others' findings", async () => {
    // Top shows Index, which shows Raft: Raft embedding Top closes a cycle that the checks of Top and Index (unchanged) find.
    const garden = makeGarden({
      'Raft.md': '# Raft\n\nAbout [[Paxos]].\n',
      'Top.md': '# Top\n\n![[Index]]\n',
      'Index.md': '# Index\n\n![[Raft]]\n',
      'Far.md': '# Far\n\n![[Paxos#Gone]] and ![[Far]]\n',
      'Paxos.md': '# Paxos\n\nText.\n',
    });
    const run = propertyRun(garden);
    const diagnostics = () => recordedDiagnostics(garden, run.cache);
    const far = ['Far.md:3:1 missing-heading', 'Far.md:3:21 embed-cycle'];
    expect(diagnostics()).toEqual(far);
    writeFileSync(path.join(garden, 'Raft.md'), '# Raft\n\nAbout [[Paxos]] and ![[Top]].\n');
    // Each step's site and recorded diagnostics are a cold build's (the step compares them).
    expect(await run.step('Raft embeds Top')).toContain('only text and links changed');
    expect(diagnostics()).toEqual([...far, 'Index.md:3:1 embed-cycle', 'Raft.md:3:21 embed-cycle', 'Top.md:3:1 embed-cycle']);
    writeFileSync(path.join(garden, 'Raft.md'), '# Raft\n\nAbout [[Paxos]].\n');
    expect(await run.step('Raft no longer does')).toContain('only text and links changed');
    expect(diagnostics()).toEqual(far);
  }, 120_000);

  it("finds again the mentions of the notes whose links changed, and carries the others'", async () => {
    // Raft names Paxos and links it (no mention); without the link, its text mentions Paxos. Quorums's mention is carried.
    const garden = makeGarden({
      'Raft.md': '# Raft\n\nAbout Paxos, see [[Paxos]] and [[Gossip]].\n',
      'Quorums.md': '# Quorums\n\nPaxos needs a majority.\n',
      'Paxos.md': '# Paxos\n\nText.\n',
      'Gossip.md': '# Gossip\n\nText.\n',
    });
    const run = propertyRun(garden);
    const mentions = () =>
      (JSON.parse(readFileSync(path.join(run.out, 'paxos/index.json'), 'utf8')) as { unlinkedMentions: { source: string }[] }).unlinkedMentions;
    expect(mentions().map((m) => m.source)).toEqual(['Quorums']);
    writeFileSync(path.join(garden, 'Raft.md'), '# Raft\n\nAbout Paxos, see [[Gossip]].\n');
    // The step compares the site with a cold build's.
    expect(await run.step('Raft unlinks Paxos')).toContain('only text and links changed');
    expect(mentions().map((m) => m.source)).toEqual(['Quorums', 'Raft']);
    writeFileSync(path.join(garden, 'Raft.md'), '# Raft\n\nAbout Paxos, see [[Paxos]] and [[Gossip]].\n');
    expect(await run.step('Raft links Paxos again')).toContain('only text and links changed');
    expect(mentions().map((m) => m.source)).toEqual(['Quorums']);
  }, 120_000);

  it('keeps what the text cannot reach as the previous files, and updates mentions both ways', () => {
    const { garden, work, out, cache } = workspace({
      'Raft.md': '# Raft\n\nAbout [[Paxos]] here.\n',
      'Paxos.md': '# Paxos\n\nText of Paxos.\n',
      'Quorums.md': '---\ntags: [x]\n---\n# Quorums\n\nLinks [[Paxos]].\n',
    });
    build(garden, out, cache);
    const inode = (rel: string) => statSync(path.join(out, rel)).ino;
    const before = { tag: inode('tags/x/index.html'), graph: inode('graph.json'), local: inode('quorums/local-graph.json') };
    writeFileSync(path.join(garden, 'Raft.md'), '# Raft\n\nAbout [[Paxos]] here. Quorums are named in passing.\n');
    expect(build(garden, out, cache)).toMatch(/1 note changed: .* kept; only text changed\)/);
    // Quorums is mentioned now: its page lists Raft; Paxos shows the new context; the rest is the previous site's.
    expect(readFileSync(path.join(out, 'quorums/index.json'), 'utf8')).toMatch(/"unlinkedMentions":\[\{"source":"Raft"/);
    expect(readFileSync(path.join(out, 'paxos/index.json'), 'utf8')).toContain('Quorums are named in passing');
    expect(inode('tags/x/index.html')).toBe(before.tag);
    expect(inode('graph.json')).toBe(before.graph);
    expect(inode('quorums/local-graph.json')).toBe(before.local);
    writeFileSync(path.join(garden, 'Raft.md'), '# Raft\n\nAbout [[Paxos]] here.\n');
    build(garden, out, cache);
    // The mention is gone again: a page the old text reached is made again too.
    expect(readFileSync(path.join(out, 'quorums/index.json'), 'utf8')).toContain('"unlinkedMentions":[]');
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(out, cold)).toEqual([]);
    // The search index made while the graph was derived (src/emit/early-search.ts) left no folder behind.
    expect(readdirSync(work).filter((f) => f.includes('staging'))).toEqual([]);
    // A list page removed from the site by hand is made again by the next build, though only text changed.
    // (The spare site, which still has it, goes too: the next build links the site it replaces.)
    rmSync(path.join(out, 'tags/x/index.html'));
    for (const f of readdirSync(work)) if (f.startsWith('.site-spare-')) rmSync(path.join(work, f), { recursive: true });
    writeFileSync(path.join(garden, 'Paxos.md'), '# Paxos\n\nOther text of Paxos.\n');
    build(garden, out, cache);
    expect(readFileSync(path.join(out, 'tags/x/index.html'), 'utf8')).toContain('Quorums');
  }, 120_000);

  it('makes a linked page again only when the text around the link changed, not for an edit away from it', () => {
    const { garden, work, out, cache } = workspace({
      'Paxos.md': '# Paxos\n\nText of Paxos.\n',
      'Quorums.md': '# Quorums\n\nQuorums overlap, as in [[Paxos]].\n\nA second paragraph.\n',
    });
    // The key the output manifest records for Paxos's page: a new key means the page was made again.
    const paxosKey = () => recordedManifest(garden, out, cache)?.keys.get('paxos/index.html');
    build(garden, out, cache);
    const first = paxosKey();
    expect(first).toBeDefined();
    // A sentence added away from the link: Quorums's page changes, Paxos's backlink context does not, nor its key.
    writeFileSync(path.join(garden, 'Quorums.md'), '# Quorums\n\nQuorums overlap, as in [[Paxos]].\n\nA second paragraph, longer now.\n\nAnd a third.\n');
    expect(build(garden, out, cache)).toMatch(/1 note changed: .*only text changed/);
    expect(readFileSync(path.join(out, 'quorums/index.json'), 'utf8')).toContain('And a third.');
    expect(paxosKey()).toBe(first);
    // Words around the link: the backlink's context on Paxos's page, made again.
    writeFileSync(
      path.join(garden, 'Quorums.md'),
      '# Quorums\n\nMajority quorums overlap, as in [[Paxos]].\n\nA second paragraph, longer now.\n\nAnd a third.\n',
    );
    expect(build(garden, out, cache)).toMatch(/1 note changed: .*only text changed/);
    expect(paxosKey()).not.toBe(first);
    expect(readFileSync(path.join(out, 'paxos/index.json'), 'utf8')).toContain('Majority quorums overlap');
    expect(readFileSync(path.join(out, 'paxos/index.html'), 'utf8')).toContain('Majority quorums overlap');
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(out, cold)).toEqual([]);
  }, 120_000);

  it('makes again only the pages whose backlink contexts changed, not every page the edited note links to', () => {
    // Quorums links to Paxos (a hub: Raft links to it too) in its first paragraph and to Raft in its second.
    const { garden, work, out, cache } = workspace({
      'Paxos.md': '# Paxos\n\nText of Paxos.\n',
      'Raft.md': '# Raft\n\nRaft is like [[Paxos]].\n',
      'Quorums.md': '# Quorums\n\nQuorums overlap, as in [[Paxos]].\n\nLeaders are elected in [[Raft]].\n',
    });
    const keyOf = (page: string) => recordedManifest(garden, out, cache)?.keys.get(page);
    build(garden, out, cache);
    const paxos = { key: keyOf('paxos/index.html'), inode: statSync(path.join(out, 'paxos/index.html')).ino };
    const raft = keyOf('raft/index.html');
    expect(paxos.key).toBeDefined();
    // Words around the link to Raft: Raft's page shows the new context; Paxos's backlink from Quorums is as it was.
    writeFileSync(path.join(garden, 'Quorums.md'), '# Quorums\n\nQuorums overlap, as in [[Paxos]].\n\nLeaders are elected by majority in [[Raft]].\n');
    expect(build(garden, out, cache)).toMatch(/1 note changed: .*only text changed/);
    expect(readFileSync(path.join(out, 'raft/index.json'), 'utf8')).toContain('Leaders are elected by majority in');
    expect(keyOf('raft/index.html')).not.toBe(raft);
    // Paxos's page was not made again: its key is the one it was made under, its file the previous site's.
    expect(keyOf('paxos/index.html')).toBe(paxos.key);
    expect(statSync(path.join(out, 'paxos/index.html')).ino).toBe(paxos.inode);
    // And the words around the link to Paxos: now its page is made again.
    writeFileSync(path.join(garden, 'Quorums.md'), '# Quorums\n\nMajority quorums overlap, as in [[Paxos]].\n\nLeaders are elected by majority in [[Raft]].\n');
    expect(build(garden, out, cache)).toMatch(/1 note changed: .*only text changed/);
    expect(readFileSync(path.join(out, 'paxos/index.json'), 'utf8')).toContain('Majority quorums overlap');
    const cold = path.join(work, 'cold');
    build(garden, cold, path.join(work, 'cold-cache'), true);
    expect(siteDiff(out, cold)).toEqual([]);
  }, 120_000);
});
