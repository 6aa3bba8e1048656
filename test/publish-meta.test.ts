/** The pieces of publishing metadata on their own: summaries, tag links below a base path, head tags, sitemap dates. */
import { describe, expect, it } from 'vitest';
import { rebaseTagLinks } from '../src/assemble/rebase-tag-links.ts';
import { excerpt, summaryLength } from '../src/emit/note-summary.ts';
import { renderSitemap } from '../src/emit/sitemap.ts';
import type { SiteInfo, Slug } from '../src/shared/types.ts';
import { renderHeadMeta } from '../src/shared/templates/render-head-meta.ts';

describe('excerpt', () => {
  it('is the first paragraph that reads as a sentence, without the title, headings or file names', () => {
    expect(excerpt('Raft\nRaft elects a leader with timeouts.\ndiagram.png\nMore.', 'Raft')).toBe('Raft elects a leader with timeouts.');
    expect(excerpt('Intro\nshort\nx.png', 'Other')).toBe('Intro short x.png');
    expect(excerpt('Raft\n\n', 'Raft')).toBeUndefined();
    expect(excerpt('A line with a\u0008control   character and  spaces.', 't')).toBe('A line with a control character and spaces.');
  });

  it('cuts a long paragraph at a word, with an ellipsis', () => {
    const long = 'word '.repeat(100).trim() + '.';
    const cut = excerpt(long, 'T')!;
    expect(cut.length).toBeLessThanOrEqual(summaryLength + 1);
    expect(cut).toMatch(/^(word )+word…$/);
  });
});

describe('rebaseTagLinks', () => {
  it('moves the compiled tag links below the base path and leaves the rest alone', () => {
    const html = '<p><a class="tag" href="/tags/a/" data-tag="a">#a</a> <a href="/tags/b/">b</a> &lt;a class="tag" href="/x"&gt;</p>';
    expect(rebaseTagLinks(html, '/notes/')).toBe(
      '<p><a class="tag" href="/notes/tags/a/" data-tag="a">#a</a> <a href="/tags/b/">b</a> &lt;a class="tag" href="/x"&gt;</p>',
    );
    expect(rebaseTagLinks(html, '/')).toBe(html);
    expect(rebaseTagLinks(html, 'https://example.org/n/')).toContain('<a class="tag" href="https://example.org/n/tags/a/"');
  });
});

describe('renderHeadMeta', () => {
  const site: SiteInfo = { title: 'G & co', basePath: '/n/', url: 'https://example.org/n/' };

  it('writes absolute canonical, og:url, og:image and feed links only with a site URL', () => {
    const page = { title: 'A "B"', url: '/a/', description: 'About <a>.', image: '/pics/x%20y.png', type: 'article' as const };
    const html = renderHeadMeta(page, site);
    expect(html).toContain('<link rel="canonical" href="https://example.org/n/a/">');
    expect(html).toContain('<meta property="og:image" content="https://example.org/n/pics/x%20y.png">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta property="og:title" content="A &quot;B&quot;">');
    expect(html).toContain('<meta property="og:site_name" content="G &amp; co">');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="G &amp; co (Atom)" href="https://example.org/n/atom.xml">');
    const relative = renderHeadMeta(page, { title: 'G', basePath: '/' });
    expect(relative).not.toMatch(/canonical|og:url|og:image|twitter:image|alternate/);
    expect(relative).toContain('<meta name="twitter:card" content="summary">');
  });

  it('keeps pages that are not content out of search engines, without a canonical URL', () => {
    const html = renderHeadMeta({ title: 'Page not found', url: '/404/', type: 'website', noindex: true }, site);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toMatch(/canonical|og:url/);
  });
});

describe('renderSitemap', () => {
  it('writes absolute locations and W3C dates, leaving out dates it cannot read', () => {
    const xml = renderSitemap(
      [
        { url: '/a/' as Slug, updated: '2024-05-01' },
        { url: '/b&c/' as Slug, updated: '2024-05-01T10:00:00+02:00' },
        { url: '/d/' as Slug, updated: 'someday' },
      ],
      'https://example.org/n/',
    );
    expect(xml).toContain('<url><loc>https://example.org/n/a/</loc><lastmod>2024-05-01</lastmod></url>');
    expect(xml).toContain('<url><loc>https://example.org/n/b&amp;c/</loc><lastmod>2024-05-01T08:00:00.000Z</lastmod></url>');
    expect(xml).toContain('<url><loc>https://example.org/n/d/</loc></url>');
  });
});
