/**
 * Unlinked mentions are kept between builds under keys made of the phrase index (every published note's title and
 * aliases): a build of edited text carries the last build's key of it (src/graph/kept-mentions-keys.ts,
 * `samePhrases`), and a build that renames a note must make it again, so that an unchanged note's text that now names
 * the renamed note is found to mention it. Through the CLI over the previous site, each site compared with a cold build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeGarden, tempDir } from './helpers/garden.ts';
import { build, siteDiff } from './helpers/site-diff.ts';

/** The sources of the unlinked mentions on a note's page data. */
function mentionSources(out: string, url: string): string[] {
  const data = JSON.parse(readFileSync(path.join(out, url, 'index.json'), 'utf8')) as { unlinkedMentions: { source: string }[] };
  return data.unlinkedMentions.map((m) => m.source);
}

describe('unlinked mentions over builds that carry them', () => {
  it('follow a rename after a build of edited text, as a cold build finds them', () => {
    const garden = makeGarden({
      'Consensus.md': '# Consensus\n\nA replicated log keeps every replica in the same order.\n',
      'Log.md': '---\ntitle: Raft log\n---\n# Log\n\nEntries, terms and indexes.\n',
      'Notes.md': '# Notes\n\nAbout [[Consensus]], in a few words.\n',
    });
    const work = tempDir();
    const out = path.join(work, 'site');
    const cache = path.join(work, 'cache');
    const same = () => {
      const cold = path.join(work, 'cold');
      build(garden, cold, path.join(work, 'cold-cache'), true);
      expect(siteDiff(out, cold)).toEqual([]);
    };
    build(garden, out, cache);
    expect(mentionSources(out, 'log')).toEqual([]);
    // Text only: the mentions of the unchanged notes are carried, with the last build's key of the phrases.
    writeFileSync(path.join(garden, 'Notes.md'), '# Notes\n\nAbout [[Consensus]], in a few more words.\n');
    expect(build(garden, out, cache)).toContain('only text changed');
    same();
    // Renamed: Consensus did not change, but its text now names the note.
    writeFileSync(path.join(garden, 'Log.md'), '---\ntitle: Replicated log\n---\n# Log\n\nEntries, terms and indexes.\n');
    build(garden, out, cache);
    expect(mentionSources(out, 'log')).toEqual(['Consensus']);
    same();
  }, 120_000);
});
