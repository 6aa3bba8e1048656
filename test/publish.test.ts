/**
 * Publishing through the real CLI: the site URL (`--url`) checked, normalised and
 * recorded; without it no sitemap, feeds or canonical links (a one-line notice
 * instead, never invalid files); with it, links in note bodies below its path
 * and feeds whose full content (when asked for) links absolutely.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { emitSite } from '../src/emit/index.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { siteInfo } from '../src/site.ts';
import { parseSiteUrl } from '../src/site-url.ts';
import { tempDir } from './helpers/garden.ts';
import { buildWithCli, makePublishGarden } from './helpers/publish-garden.ts';

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('the site URL', () => {
  it('is checked and normalised: a folder path with a trailing slash, no query, fragment or credentials', () => {
    expect(parseSiteUrl('https://user.github.io/notes')).toEqual({ href: 'https://user.github.io/notes/', basePath: '/notes/' });
    expect(parseSiteUrl(' https://Example.org ')).toEqual({ href: 'https://example.org/', basePath: '/' });
    expect(parseSiteUrl('http://127.0.0.1:8080/a/b/../c/')).toEqual({ href: 'http://127.0.0.1:8080/a/c/', basePath: '/a/c/' });
    expect(parseSiteUrl('https://example.org/my notes/')).toEqual({ href: 'https://example.org/my%20notes/', basePath: '/my%20notes/' });
    for (const [bad, why] of [
      ['notes/', 'must be absolute'],
      ['ftp://example.org/', 'https:// or http://'],
      ['javascript:alert(1)', 'https:// or http://'],
      ['https://me:pw@example.org/', 'user name or password'],
      ['https://example.org/?x=1', 'query or fragment'],
      ['https://example.org/#top', 'query or fragment'],
      ['https://example.org/notes/index.html', 'a folder, not a page'],
    ])
      expect(() => parseSiteUrl(bad!), bad).toThrow(why);
  });

  it('is a usage error on the command line when it cannot be used (exit 2, nothing built)', () => {
    const r = buildWithCli(makePublishGarden(), ['--url', 'example.org/notes/']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('trellis: --url: "example.org/notes/" is not an absolute http(s) URL, like https://example.org/notes/');
    expect(existsSync(r.out)).toBe(false);
  }, 120_000);
});

describe('a build without a site URL', () => {
  it('leaves out the sitemap, feeds and absolute links, says so in one line, and links from the domain root', () => {
    const r = buildWithCli(makePublishGarden());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('no site URL'))).toEqual([
      'trellis: no site URL (--url, or url in the configuration), so sitemap.xml, the feeds and canonical links are left out: they need absolute URLs',
    ]);
    for (const file of ['sitemap.xml', 'rss.xml', 'atom.xml', 'feed.json']) expect(existsSync(path.join(r.out, file)), file).toBe(false);
    expect(read(r.out, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
    const page = read(r.out, 'distributed/raft/index.html');
    expect(page).not.toMatch(/rel="canonical"|og:url|og:image|rel="alternate"/);
    // Relative metadata is left out, the rest is there.
    expect(page).toContain('<meta property="og:title" content="Raft">');
    expect(page).toContain('<meta name="description" content="Raft elects a leader with randomised timeouts. The word zeppelin appears only here.">');
    expect(page).toContain('<img src="/diagram.png"');
    expect(page).toContain('<a href="/gossip/#fan-out" class="internal"');
    expect(JSON.parse(read(r.out, '.trellis-build.json')).basePath).toBe('/');
  }, 120_000);
});

describe('a build with a site URL', () => {
  it('links note bodies (links, tags, images, attachments, transclusions) and the note data below its path', () => {
    const r = buildWithCli(makePublishGarden(), ['--url', 'https://user.github.io/notes']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no site URL');
    const page = read(r.out, 'distributed/raft/index.html');
    const data = JSON.parse(read(r.out, 'distributed/raft/index.json')) as { html: string };
    for (const html of [page, data.html]) {
      expect(html).toContain('<img src="/notes/diagram.png"');
      expect(html).toContain('<a href="/notes/gossip/#fan-out" class="internal"');
      expect(html).toContain('<a href="/notes/data.csv" class="internal attachment">');
      expect(html).toContain('<a class="internal" href="/notes/gossip/#fan-out" data-note="Gossip">Gossip › Fan-out</a>');
      expect(html).toContain('<a class="tag" href="/notes/tags/epidemic/"');
      expect(html).not.toMatch(/(href|src)="\/(?!notes\/)/);
    }
    expect(page).toContain('<link rel="canonical" href="https://user.github.io/notes/distributed/raft/">');
    expect(read(r.out, 'raft-consensus/index.html')).toContain('<meta http-equiv="refresh" content="0; url=/notes/distributed/raft/">');
    expect(read(r.out, '404.html')).toContain('<a href="/notes/search/">searching</a>');
    expect(read(r.out, 'robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://user.github.io/notes/sitemap.xml\n');
  }, 120_000);

  it('puts whole bodies in the feeds when asked, with absolute URLs for every link and image', async () => {
    const garden = makePublishGarden();
    const url = 'https://example.org/notes/';
    const out = tempDir();
    const model = await buildGarden({ garden, noCache: true, url });
    const config = await loadConfig(garden, { url });
    if (!config.ok) throw new Error('the test garden has no configuration errors');
    await emitSite(model, { out, site: siteInfo(garden, config.config), feed: { fullContent: true, limit: 2 } });
    model.close?.();
    const rss = read(out, 'rss.xml');
    expect(rss.match(/<item>/g)).toHaveLength(2);
    const content = /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(rss)![1]!;
    expect(content).toContain('<img src="https://example.org/notes/diagram.png"');
    expect(content).toContain('<a href="https://example.org/notes/gossip/#fan-out" class="internal"');
    expect(content).toContain('<a class="tag" href="https://example.org/notes/tags/epidemic/"');
    expect(content).not.toMatch(/(href|src)="\//);
    const json = JSON.parse(read(out, 'feed.json')) as { items: { content_html: string; summary: string }[] };
    expect(json.items[0]!.content_html).toBe(content);
    expect(json.items[0]!.summary).toBe('Raft elects a leader with randomised timeouts. The word zeppelin appears only here.');
    // The pages themselves still link below the base path, not absolutely.
    expect(read(out, 'distributed/raft/index.html')).toContain('<img src="/notes/diagram.png"');
  }, 120_000);
});
