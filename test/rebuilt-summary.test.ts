/** The build summary's account of what a build over the previous site wrote (src/incremental/emit-incrementally.ts). */
import { describe, expect, it } from 'vitest';
import { rebuiltSummary } from '../src/incremental/emit-incrementally.ts';

describe('rebuiltSummary', () => {
  it('says one page, one search file and one file in the singular, more in the plural', () => {
    const one = { files: 1, notes: [], changes: { kept: 90, pages: 1, searchFiles: 1, notesChanged: 1, textOnly: true } };
    expect(rebuiltSummary(one, 'dist', 0)).toBe('1 note changed: 1 page, 1 search file, 1 file written to dist/ (90 kept; only text changed)');
    const many = { files: 52, notes: [], changes: { kept: 44370, pages: 37, searchFiles: 4, notesChanged: 10, linksOnly: true } };
    expect(rebuiltSummary(many, 'site', 0)).toBe(
      '10 notes changed: 37 pages, 4 search files, 52 files written to site/ (44370 kept; only text and links changed)',
    );
  });

  it('counts files and cached notes alone on a build with no previous site', () => {
    expect(rebuiltSummary({ files: 1, notes: [], changes: { kept: 0, pages: 1, searchFiles: 0 } }, 'dist', 1)).toBe(
      '1 file written to dist/ (1 note from cache)',
    );
    expect(rebuiltSummary({ files: 80, notes: [], changes: { kept: 0, pages: 20, searchFiles: 9 } }, 'dist', 0)).toBe('80 files written to dist/');
  });
});
