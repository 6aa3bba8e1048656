/**
 * The configuration through the real command line (`bin/trellis.js build`):
 * its settings reach every page, `ignore` and Obsidian's excluded files leave
 * notes out, the publish policy and the home note decide what is published
 * where, `--url` wins over the file, a changed configuration rebuilds, and a
 * bad one stops the build with positioned errors and exit code 2, leaving the
 * previous site as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { noUrlNotice } from '../src/site-url.ts';
import { describe, expect, it } from 'vitest';
import { makeGarden, tempDir } from './helpers/garden.ts';

const bin = path.resolve(import.meta.dirname, '../bin/trellis.js');

function cli(args: string[], cache: string) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: cache } });
}

const read = (out: string, file: string) => readFileSync(path.join(out, file), 'utf8');

describe('trellis build with trellis.config.yaml', () => {
  it('puts the configured title, language, description, author, header links, theme, stylesheet, icons and switches on the pages', () => {
    const garden = makeGarden({
      'trellis.config.yaml': [
        'title: My Notes',
        'description: Things I learnt',
        'author: Ada <Lovelace>',
        'language: fr',
        'nav:',
        '  - { title: About, url: /other/ }',
        '  - { title: Code, url: "https://github.com/ada" }',
        'theme:',
        '  accent: "#aa3300"',
        '  fonts: { body: "Inter, sans-serif" }',
        'stylesheet: styles/site.css',
        'favicon: assets/icon.svg',
        'logo: assets/logo.svg',
        'features:',
        '  unlinkedMentions: false',
        '  localGraphOpen: false',
      ].join('\n'),
      'Home.md': '# Home\n\nSee [[Other]].\n',
      'Other.md': '# Other\n\nBack to the Home page later.\n',
      'styles/site.css': '.note-title { letter-spacing: 0.1em; }\n',
      'assets/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const out = path.join(tempDir(), 'site');
    const cache = tempDir();
    const r = cli(['build', garden, '--out', out], cache);
    // The garden's configuration gives no URL: the one notice that sitemap and feeds are left out.
    expect(r.stderr).toBe(`${noUrlNotice}\n`);
    expect(r.status).toBe(0);
    const page = read(out, 'other/index.html');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<title>Other · My Notes</title>');
    // A note's page describes the note (its first paragraph); pages of the site itself use the site's description.
    expect(page).toContain('<meta name="description" content="Back to the Home page later.">');
    expect(read(out, 'tags/index.html')).toContain('<meta name="description" content="Things I learnt">');
    expect(page).toContain('<meta name="author" content="Ada &lt;Lovelace&gt;">');
    expect(page).toContain('<a href="/other/" aria-current="page">About</a><a href="https://github.com/ada">Code</a></nav>');
    expect(page).toContain('<style data-trellis-theme>html:root{--font-body:Inter, sans-serif,var(--font-emoji);--accent:#aa3300;');
    expect(page).toContain('<link rel="stylesheet" href="/styles/site.css">');
    expect(page).toContain('<link rel="icon" href="/assets/icon.svg">');
    expect(page).toContain(
      '<a class="site-title" href="/"><img class="site-logo" src="/assets/logo.svg" alt="" height="28"><span class="site-title-text">My Notes</span></a>',
    );
    // The author turned the local graph's default off: the page does not ask the app to open it.
    expect(page).toMatch(/<garden-app [^>]*>/);
    expect(page).not.toContain('local-graph-open');
    expect(read(out, 'styles/site.css')).toBe('.note-title { letter-spacing: 0.1em; }\n');
    expect(existsSync(path.join(out, 'assets/icon.svg'))).toBe(true);
    // The configuration is not part of the site.
    expect(existsSync(path.join(out, 'trellis.config.yaml'))).toBe(false);
    // Unlinked mentions switched off: neither on the page nor in the data the app shows in place.
    expect(read(out, 'index.html')).not.toContain('Unlinked mentions');
    expect(JSON.parse(read(out, 'index.json')).unlinkedMentions).toEqual([]);

    // Nothing changed: nothing to do. A changed configuration rebuilds.
    expect(cli(['build', garden, '--out', out], cache).stdout).toMatch(/is up to date$/m);
    writeFileSync(path.join(garden, 'trellis.config.yaml'), 'title: Renamed\nlanguage: de\n');
    const again = cli(['build', garden, '--out', out], cache);
    expect(again.stdout).toContain('files written');
    expect(read(out, 'other/index.html')).toContain('<title>Other · Renamed</title>');
    expect(read(out, 'other/index.html')).toContain('<html lang="de">');
    expect(read(out, 'other/index.html')).not.toContain('data-trellis-theme');
    // Unlinked mentions are shown by default.
    expect(read(out, 'index.html')).toContain('Unlinked mentions');
  }, 180_000);

  it('publishes what the policy, ignore and Obsidian leave in, with the configured home note at the root and --url over the file', () => {
    const garden = makeGarden({
      'trellis.config.yaml': ['publish: explicit', 'home: Welcome', 'url: https://example.org/', 'ignore:', '  - Private/', '  - "*.tmp"'].join('\n'),
      '.obsidian/app.json': JSON.stringify({ userIgnoreFilters: ['Archive/', '/^Scratch/'] }),
      'Welcome.md': '---\npublish: true\n---\n# Welcome\n\n[[Shared]], [[Draft]], [[Unmarked]], [[Diary]], [[Old]].\n',
      'Home.md': '---\npublish: true\n---\n# Home\n',
      'Shared.md': '---\ndg-publish: true\n---\n# Shared\n',
      'Draft.md': '---\npublish: true\ndraft: true\n---\n# Draft\n',
      'Unmarked.md': '# Unmarked\n',
      'Private/Diary.md': '---\npublish: true\n---\n# Diary\n',
      'Private/photo.png': 'png',
      'Archive/Old.md': '---\npublish: true\n---\n# Old\n',
      'Scratch pad.md': '---\npublish: true\n---\n# Scratch\n',
      'notes.tmp': 'tmp',
    });
    const out = path.join(tempDir(), 'site');
    const r = cli(['build', garden, '--out', out, '--url', 'https://preview.example.net/pr-7'], tempDir());
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^5 notes,/m);
    expect(read(out, 'index.html')).toContain('<title>Welcome · ');
    expect(read(out, 'index.html')).toContain('<link rel="canonical" href="https://preview.example.net/pr-7/">');
    expect(read(out, 'home/index.html')).toContain('<link rel="canonical" href="https://preview.example.net/pr-7/home/">');
    expect(existsSync(path.join(out, 'shared/index.html'))).toBe(true);
    for (const gone of ['draft', 'unmarked', 'private', 'archive', 'scratch-pad', 'notes.tmp', 'Private/photo.png'])
      expect(existsSync(path.join(out, gone)), gone).toBe(false);
    const welcome = read(out, 'index.html');
    // --url gives the base path the body's links are below.
    expect(welcome).toContain('<a href="/pr-7/shared/" class="internal" data-note="Shared">Shared</a>');
    // Unpublished notes are plain text; ignored ones do not exist, so their links are unresolved.
    expect(welcome).toContain('<span class="unpublished">Draft</span>');
    expect(welcome).toContain('<span class="unpublished">Unmarked</span>');
    expect(welcome).toContain('data-unresolved="Diary"');
    expect(welcome).toContain('data-unresolved="Old"');
    expect(r.stderr).toContain('Welcome.md:6:');
  }, 120_000);

  it('writes feeds of the configured length, with whole bodies when asked', () => {
    const garden = makeGarden({
      'trellis.config.yaml': ['url: https://example.org/notes/', 'feed:', '  limit: 2', '  fullContent: true'].join('\n'),
      'A.md': '---\ndate: 2026-01-01\n---\n# A\n\nFirst body with a [[B|link to B]].\n',
      'B.md': '---\ndate: 2026-02-01\n---\n# B\n\nSecond body.\n',
      'C.md': '---\ndate: 2026-03-01\n---\n# C\n\nThird body.\n',
    });
    const out = path.join(tempDir(), 'dist');
    const r = cli(['build', garden, '--out', out, '--quiet'], tempDir());
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(read(out, 'feed.json')) as { items: { title: string; content_html?: string }[] };
    expect(json.items.map((i) => i.title)).toEqual(['C', 'B']);
    expect(json.items[0]!.content_html).toContain('Third body.');
    // A bad value is a positioned error, like every other key.
    writeFileSync(path.join(garden, 'trellis.config.yaml'), 'feed:\n  limit: 0\n');
    const bad = cli(['build', garden, '--out', out], tempDir());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/trellis\.config\.yaml:2:10: .*"feed\.limit" must be at least 1/);
  });

  it('stops on a bad configuration with its positioned errors and exit code 2, leaving the previous site', () => {
    const garden = makeGarden({ 'trellis.config.yaml': 'title: Good\n', 'Home.md': '# Home\n' });
    const out = path.join(tempDir(), 'site');
    const cache = tempDir();
    expect(cli(['build', garden, '--out', out], cache).status).toBe(0);
    const before = read(out, 'index.html');
    const record = read(out, '.trellis-build.json');
    writeFileSync(path.join(garden, 'trellis.config.yaml'), 'title: Bad\n\nurl: example.org/notes\nthme: {}\n');
    const bad = cli(['build', garden, '--out', out], cache);
    expect(bad.status).toBe(2);
    const file = path.relative(process.cwd(), path.join(garden, 'trellis.config.yaml'));
    expect(bad.stderr).toContain(`${file}:3:6: "url" must be an absolute http(s) URL, like https://example.org/notes/ (no query or #fragment)\n`);
    expect(bad.stderr).toContain(`${file}:4:1: unknown option "thme"; did you mean "theme"?\n`);
    expect(bad.stdout).toBe('');
    expect(read(out, 'index.html')).toBe(before);
    expect(read(out, '.trellis-build.json')).toBe(record);
    // check and a bad --url stop the same way.
    expect(cli(['check', garden], cache).status).toBe(2);
    writeFileSync(path.join(garden, 'trellis.config.yaml'), 'title: Good again\n');
    const flag = cli(['build', garden, '--out', out, '--url', 'ftp://example.org/'], cache);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('trellis: --url: "ftp://example.org/" is not an absolute http(s) URL');
    expect(read(out, 'index.html')).toBe(before);
  }, 120_000);
});
