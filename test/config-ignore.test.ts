/**
 * What `ignore` and Obsidian's excluded files leave out: gitignore patterns as
 * git reads them (folders, anchors, `**`, negation), Obsidian's path prefixes
 * and `/regex/` entries, and the configuration file itself; checked on the
 * matcher and through the scan of a real garden.
 */
import { describe, expect, it } from 'vitest';
import { buildIgnoreMatcher } from '../src/config/ignore-matcher.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { toScanSettings } from '../src/config/scan-settings.ts';
import { scanGarden } from '../src/scan/index.ts';
import { makeGarden } from './helpers/garden.ts';

describe('ignore matcher', () => {
  it('reads gitignore patterns as git does, case-insensitively', () => {
    const ignored = buildIgnoreMatcher({ ignore: ['drafts/', '/Templates', '**/scratch/**', '*.tmp', '!keep.tmp'], obsidianIgnore: [] });
    expect(ignored('drafts', true)).toBe(true);
    expect(ignored('a/drafts', true)).toBe(true);
    expect(ignored('drafts', false)).toBe(false); // a file named like the folder
    expect(ignored('drafts/x.md', false)).toBe(true);
    expect(ignored('Templates', true)).toBe(true);
    expect(ignored('notes/Templates', true)).toBe(false); // anchored at the root
    expect(ignored('templates/Daily.md', false)).toBe(true);
    expect(ignored('a/b/scratch/c.md', false)).toBe(true);
    expect(ignored('x.tmp', false)).toBe(true);
    expect(ignored('keep.tmp', false)).toBe(false);
    expect(ignored('Note.md', false)).toBe(false);
    expect(ignored('trellis.config.yaml', false)).toBe(true);
    expect(ignored('sub/trellis.config.yaml', false)).toBe(false);
  });

  it('without patterns, leaves out only the configuration file at the root', () => {
    const ignored = buildIgnoreMatcher({ ignore: [], obsidianIgnore: [] });
    expect(ignored('trellis.config.yaml', false)).toBe(true);
    expect(ignored('trellis.config.yaml', true)).toBe(false); // a folder of that name is walked
    expect(ignored('sub/trellis.config.yaml', false)).toBe(false);
    expect(ignored('drafts', true)).toBe(false);
    expect(ignored('Note.md', false)).toBe(false);
    expect(ignored('.hidden.md', false)).toBe(false); // dot-files are the walk's to skip, not the matcher's
  });

  it("reads Obsidian's excluded files as prefixes and /regular expressions/", () => {
    const ignored = buildIgnoreMatcher({ ignore: [], obsidianIgnore: ['Archive/', 'Daily', '/\\.excalidraw\\.md$/'] });
    expect(ignored('Archive', true)).toBe(true);
    expect(ignored('Archive/2020.md', false)).toBe(true);
    expect(ignored('Archived.md', false)).toBe(false);
    expect(ignored('Daily notes', true)).toBe(true); // a prefix, as in Obsidian
    expect(ignored('Drawing.excalidraw.md', false)).toBe(true);
    expect(ignored('a/Drawing.md', false)).toBe(false);
  });

  it('leaves ignored notes, attachments and folders out of the scan', async () => {
    const root = makeGarden({
      'trellis.config.yaml': 'ignore:\n  - Private/\n  - "*.draft.md"\n',
      '.obsidian/app.json': JSON.stringify({ userIgnoreFilters: ['Archive/'] }),
      'Home.md': '# Home\n',
      'Idea.draft.md': 'draft',
      'Private/Diary.md': 'secret',
      'Private/photo.png': 'png',
      'Archive/Old.md': 'old',
      'assets/pic.png': 'png',
    });
    const loaded = await loadConfig(root);
    if (!loaded.ok) throw new Error('configuration failed to load');
    const scan = await scanGarden(root, toScanSettings(loaded.config));
    expect(scan.notes.map((n) => n.path)).toEqual(['Home.md']);
    expect(scan.attachments.map((a) => a.path)).toEqual(['assets/pic.png']);
    // Without the settings everything is found, but never the configuration file.
    const all = await scanGarden(root);
    expect(all.notes.map((n) => n.path).sort()).toEqual(['Archive/Old.md', 'Home.md', 'Idea.draft.md', 'Private/Diary.md']);
    expect(all.attachments.map((a) => a.path).sort()).toEqual(['Private/photo.png', 'assets/pic.png']);
  });
});
