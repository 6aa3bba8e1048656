/**
 * A note renamed so that its new name sorts where its old one did ("Note 31" to "Note 31 renamed": every
 * other note keeps its number in the graph) is a new note and a removed one, not the same note: the
 * local graph files of notes whose neighbourhood held it are made again, and the site a build over the
 * previous one writes is a cold build's (src/graph/neighbourhood-changes.ts, `same`).
 */
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/graph/random.ts';
import { makeGarden } from './helpers/garden.ts';
import { propertyRun } from './helpers/property-run.ts';

describe('a note renamed where it sorts', () => {
  it('gives the site a cold build gives, local graphs included', async () => {
    const rand = seededRandom(31);
    const names = Array.from({ length: 300 }, (_, i) => `Note ${i}`);
    const pick = () => names[Math.floor(rand() * names.length)]!;
    const files: Record<string, string> = {};
    // A few notes linked from many (hubs), so that they stand in many neighbourhoods at every depth.
    const hub = () => (rand() < 0.3 ? `Note ${Math.floor(rand() ** 3 * 40)}` : pick());
    for (const name of names) files[`${name}.md`] = `# ${name}\n\n${Array.from({ length: 6 }, () => `About [[${hub()}]].`).join(' ')}\n`;
    const garden = makeGarden(files);
    const run = propertyRun(garden);
    for (const n of [3, 17, 31]) {
      const name = `Note ${n}`;
      // Linked to by name from other notes: those links break, its own links stay.
      expect(Object.values(files).some((text) => text.includes(`[[${name}]]`))).toBe(true);
      renameSync(path.join(garden, `${name}.md`), path.join(garden, `${name} renamed.md`));
      const summary = await run.step(`${name} renamed`);
      // The old note gone and the new one there: two notes changed (those linking to it kept their text).
      expect(summary).toMatch(/(^|\s)2 notes changed:/);
      expect(readFileSync(path.join(run.out, `note-${n}-renamed`, 'index.html'), 'utf8')).toContain(`${name} renamed`);
    }
  }, 240_000);
});
