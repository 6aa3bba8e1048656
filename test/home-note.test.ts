/**
 * The note published at the site root when the configuration names none: a root note named index, Home or README
 * (in that order, any case, published, without a permalink of its own), as docs/configuration.md says.
 */
import { describe, expect, it } from 'vitest';
import { scanGarden } from '../src/scan/index.ts';
import { makeGarden } from './helpers/garden.ts';

/** The path of the note the scan puts at `/`, if any. */
async function homeOf(files: Record<string, string>): Promise<string | undefined> {
  const scan = await scanGarden(makeGarden(files));
  return scan.notes.find((n) => n.url === '/')?.path;
}

describe('the home note without a configured home', () => {
  it('is a root note named index, then Home, then README, in any case', async () => {
    expect(await homeOf({ 'README.md': 'r', 'Home.md': 'h', 'Index.md': 'i', 'Other.md': 'o' })).toBe('Index.md');
    expect(await homeOf({ 'README.md': 'r', 'HOME.md': 'h', 'Other.md': 'o' })).toBe('HOME.md');
    expect(await homeOf({ 'ReadMe.md': 'r', 'Other.md': 'o' })).toBe('ReadMe.md');
  });

  it('is none of a folder’s notes of those names, nor one unpublished or with a permalink, nor a longer name', async () => {
    expect(await homeOf({ 'docs/index.md': 'i', 'Other.md': 'o' })).toBeUndefined();
    expect(await homeOf({ 'index.md': '---\npublish: false\n---\ni', 'Home.md': 'h' })).toBe('Home.md');
    expect(await homeOf({ 'index.md': '---\npermalink: start-here\n---\ni', 'README.md': 'r' })).toBe('README.md');
    expect(await homeOf({ 'indexes.md': 'i', 'Homes.md': 'h', 'İndex.md': 'dotted' })).toBeUndefined();
  });
});
