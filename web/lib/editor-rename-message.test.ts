import { describe, expect, it } from 'vitest';
import { renameMessage } from './editor-rename-message.ts';

describe('renameMessage', () => {
  it('names the new path and the files whose links were rewritten', () => {
    expect(renameMessage({ path: 'b/X.md', changed: ['A.md', 'C.md'], ambiguous: [] })).toBe('Renamed to b/X.md; links updated in A.md, C.md.');
    expect(renameMessage({ path: 'b/X.md', changed: [], ambiguous: [] })).toBe('Renamed to b/X.md; no other note linked to it.');
  });

  it('lists the links the new name made ambiguous, with their positions', () => {
    const one = { file: 'Home.md', line: 3, column: 5, link: '[[Index]]' };
    expect(renameMessage({ path: 'y/Index.md', changed: [], ambiguous: [one] })).toBe(
      'Renamed to y/Index.md; no other note linked to it. Other notes share the new name, so this link is now ambiguous: Home.md:3:5 [[Index]].',
    );
    expect(renameMessage({ path: 'y/Index.md', changed: ['Home.md'], ambiguous: [one, { ...one, line: 4, link: '[[Index#Top]]' }] })).toBe(
      'Renamed to y/Index.md; links updated in Home.md. Other notes share the new name, so these links are now ambiguous: Home.md:3:5 [[Index]], Home.md:4:5 [[Index#Top]].',
    );
  });
});
