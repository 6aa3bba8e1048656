/**
 * The properties panel on built pages: a garden built and emitted as `trellis build` does, each
 * property type's row asserted as HTML, hostile names and values escaped and inert, and the
 * app's in-place rendering (the page's index.json through the shared template) identical to
 * the prerendered panel.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGarden } from '../src/build.ts';
import { emitSite } from '../src/emit/index.ts';
import { renderNoteArticle } from '../src/shared/templates/render-note-article.ts';
import type { NoteData } from '../src/shared/types.ts';
import { makeGarden, tempDir } from './helpers/garden.ts';

const types = `---
title: Property types
text: Plain text
empty:
blank: ""
number: 3.14
integer: 1977
checked: true
unchecked: false
day: 2020-08-21
moment: 2020-08-21T10:30:00
link: "[[B]]"
heading: "[[B#Section|the section]]"
missing: "[[Nowhere]]"
hidden: "[[Draft]]"
self: "[[Types#Body]]"
file: "[[picture.png]]"
mixed: "see [[B]] and **this**"
list:
  - one
  - "[[B]]"
  - https://example.org/list
  -
none: []
tags: [alpha, "#beta/gamma"]
aliases: First, Second
cssclasses: wide
url: https://example.org/page
mail: mailto:someone@example.org
phone: tel:+15550100
nested: {a: 1, b: [2, 3]}
anchored: &shared "[[B]]"
again: *shared
---
# Body

Text.
`;

const hostile = `---
"<script>alert(1)</script>": "<img src=x onerror=alert(2)>"
js: javascript:alert(3)
spaced: " java\\tscript:alert(4)"
data: data:text/html,<script>alert(5)</script>
quote: https://example.org/"onmouseover="alert(6)
list: [javascript:alert(7), "<b>bold</b>"]
link: "[[<img src=x onerror=alert(8)>]]"
tags: ["<script>"]
---
Body.
`;

let out: string;

beforeAll(async () => {
  const garden = makeGarden({
    'Types.md': types,
    'B.md': '# Section\n\nB.',
    'Draft.md': '---\npublish: false\n---\nDraft.',
    'picture.png': new Uint8Array([137, 80, 78, 71]),
    'Hostile.md': hostile,
    'Plain.md': 'No frontmatter.',
  });
  out = path.join(tempDir(), 'site');
  await emitSite(await buildGarden({ garden, noCache: true, layout: false }), { out, site: { title: 't', basePath: '/' } });
}, 120_000);

function page(url: string): string {
  return readFileSync(path.join(out, url, 'index.html'), 'utf8');
}

/** The panel of a page, or '' when it has none. */
function panel(html: string): string {
  return /<details class="properties"[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
}

/** Each row of a panel: name -> the `<div class="property">` holding it. */
function rows(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of panel(html).matchAll(/<div class="property" [^>]*><dt class="property-key">(.*?)<\/dt>.*?<\/dd><\/div>/g)) found.set(m[1]!, m[0]);
  return found;
}

const row = (key: string, type: string, value: string): string =>
  `<div class="property" data-property-type="${type}"><dt class="property-key">${key}</dt><dd class="property-value">${value}</dd></div>`;

describe('the properties panel of a built page', () => {
  it('shows every property, in source order, between the header and the body, open and foldable without JavaScript', () => {
    const html = page('types');
    const p = panel(html);
    expect(p.startsWith('<details class="properties" open><summary class="properties-title">Properties</summary><dl class="property-list">')).toBe(true);
    expect(html.indexOf('<h1 class="note-title"')).toBeLessThan(html.indexOf(p));
    expect(html.indexOf(p)).toBeLessThan(html.indexOf('<div class="note-body">'));
    expect([...rows(html).keys()]).toEqual([
      'title',
      'text',
      'empty',
      'blank',
      'number',
      'integer',
      'checked',
      'unchecked',
      'day',
      'moment',
      'link',
      'heading',
      'missing',
      'hidden',
      'self',
      'file',
      'mixed',
      'list',
      'none',
      'tags',
      'aliases',
      'cssclasses',
      'url',
      'mail',
      'phone',
      'nested',
      'anchored',
      'again',
    ]);
  });

  it('renders text, numbers, checkboxes and dates by type, and empty values as Empty', () => {
    const r = rows(page('types'));
    expect(r.get('title')).toBe(row('title', 'text', 'Property types'));
    expect(r.get('text')).toBe(row('text', 'text', 'Plain text'));
    expect(r.get('empty')).toBe(row('empty', 'text', '<span class="property-empty">Empty</span>'));
    expect(r.get('blank')).toBe(row('blank', 'text', '<span class="property-empty">Empty</span>'));
    expect(r.get('number')).toBe(row('number', 'number', '<data value="3.14">3.14</data>'));
    expect(r.get('integer')).toBe(row('integer', 'number', '<data value="1977">1977</data>'));
    expect(r.get('checked')).toBe(row('checked', 'checkbox', '<input type="checkbox" class="property-checkbox" disabled checked aria-label="checked">'));
    expect(r.get('unchecked')).toBe(row('unchecked', 'checkbox', '<input type="checkbox" class="property-checkbox" disabled aria-label="unchecked">'));
    expect(r.get('day')).toBe(row('day', 'date', '<time datetime="2020-08-21">21 Aug 2020</time>'));
    expect(r.get('moment')).toBe(row('moment', 'datetime', '<time datetime="2020-08-21T10:30:00">21 Aug 2020 10:30</time>'));
    expect(r.get('nested')).toBe(row('nested', 'text', '{&quot;a&quot;:1,&quot;b&quot;:[2,3]}'));
  });

  it('makes wiki-links real links to the resolved note, or shows them as body links show them', () => {
    const r = rows(page('types'));
    expect(r.get('link')).toBe(row('link', 'text', '<a class="internal" href="/b/" data-note="B">B</a>'));
    expect(r.get('heading')).toBe(row('heading', 'text', '<a class="internal" href="/b/#section" data-note="B">the section</a>'));
    expect(r.get('missing')).toBe(
      row(
        'missing',
        'text',
        '<a class="internal unresolved" data-unresolved="Nowhere" title="Not written yet: Nowhere" role="link" aria-disabled="true">Nowhere</a>',
      ),
    );
    expect(r.get('hidden')).toBe(row('hidden', 'text', '<span class="unpublished">Draft</span>'));
    expect(r.get('self')).toBe(row('self', 'text', '<a class="internal self" href="#body">Types &gt; Body</a>'));
    expect(r.get('file')).toBe(row('file', 'text', '<a class="internal attachment" href="/picture.png">picture.png</a>'));
    // Text around links is shown as written: Markdown in properties is not rendered, as in Obsidian.
    expect(r.get('mixed')).toBe(row('mixed', 'text', 'see <a class="internal" href="/b/" data-note="B">B</a> and **this**'));
    // A YAML alias shows the anchored value, with the same link.
    expect(r.get('again')).toBe(row('again', 'text', '<a class="internal" href="/b/" data-note="B">B</a>'));
  });

  it('shows lists, aliases and CSS classes as pills, and tags as links to their tag pages', () => {
    const r = rows(page('types'));
    expect(r.get('list')).toBe(
      row(
        'list',
        'list',
        '<ul class="property-pills"><li>one</li><li><a class="internal" href="/b/" data-note="B">B</a></li>' +
          '<li><a class="external" href="https://example.org/list" rel="noopener noreferrer">https://example.org/list</a></li></ul>',
      ),
    );
    expect(r.get('none')).toBe(row('none', 'list', '<span class="property-empty">Empty</span>'));
    expect(r.get('tags')).toBe(
      row(
        'tags',
        'tags',
        '<ul class="property-pills"><li><a class="tag" href="/tags/alpha/">alpha</a></li><li><a class="tag" href="/tags/beta/gamma/">beta/gamma</a></li></ul>',
      ),
    );
    expect(r.get('aliases')).toBe(row('aliases', 'list', '<ul class="property-pills"><li>First</li><li>Second</li></ul>'));
    expect(r.get('cssclasses')).toBe(row('cssclasses', 'list', '<ul class="property-pills"><li>wide</li></ul>'));
  });

  it('links a value that is one http, https or mailto URL, and shows other schemes as text', () => {
    const r = rows(page('types'));
    expect(r.get('url')).toBe(row('url', 'text', '<a class="external" href="https://example.org/page" rel="noopener noreferrer">https://example.org/page</a>'));
    expect(r.get('mail')).toBe(
      row('mail', 'text', '<a class="external" href="mailto:someone@example.org" rel="noopener noreferrer">mailto:someone@example.org</a>'),
    );
    expect(r.get('phone')).toBe(row('phone', 'text', 'tel:+15550100'));
  });

  it('escapes hostile names and values and never links a script URL', () => {
    const html = page('hostile');
    const p = panel(html);
    const r = rows(html);
    expect(r.get('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(row('&lt;script&gt;alert(1)&lt;/script&gt;', 'text', '&lt;img src=x onerror=alert(2)&gt;'));
    expect(r.get('js')).toBe(row('js', 'text', 'javascript:alert(3)'));
    expect(r.get('spaced')).toBe(row('spaced', 'text', 'java\tscript:alert(4)'));
    expect(r.get('data')).toBe(row('data', 'text', 'data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;'));
    expect(r.get('quote')).toBe(
      row(
        'quote',
        'text',
        '<a class="external" href="https://example.org/&quot;onmouseover=&quot;alert(6)" rel="noopener noreferrer">https://example.org/&quot;onmouseover=&quot;alert(6)</a>',
      ),
    );
    expect(r.get('list')).toBe(row('list', 'list', '<ul class="property-pills"><li>javascript:alert(7)</li><li>&lt;b&gt;bold&lt;/b&gt;</li></ul>'));
    expect(r.get('link')).toBe(
      row(
        'link',
        'text',
        '<a class="internal unresolved" data-unresolved="&lt;img src=x onerror=alert(8)&gt;" title="Not written yet: &lt;img src=x onerror=alert(8)&gt;" role="link" aria-disabled="true">&lt;img src=x onerror=alert(8)&gt;</a>',
      ),
    );
    expect(r.get('tags')).toBe(row('tags', 'tags', '<ul class="property-pills"><li><a class="tag" href="/tags/script/">&lt;script&gt;</a></li></ul>'));
    expect(p).not.toMatch(/<(script|img|b)\b/i);
    expect([...p.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://example.org/&quot;onmouseover=&quot;alert(6)', '/tags/script/']);
  });

  it('renders the same panel from the page data as the app does on in-place navigation', () => {
    for (const url of ['types', 'hostile']) {
      const data = JSON.parse(readFileSync(path.join(out, url, 'index.json'), 'utf8')) as NoteData;
      expect(panel(renderNoteArticle(data, '/'))).toBe(panel(page(url)));
    }
  });

  it('shows no panel for a note without frontmatter', () => {
    expect(panel(page('plain'))).toBe('');
    const data = JSON.parse(readFileSync(path.join(out, 'plain', 'index.json'), 'utf8')) as NoteData;
    expect(data.properties).toBeUndefined();
  });
});
