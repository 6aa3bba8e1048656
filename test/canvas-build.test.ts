/**
 * Canvases through the real command line: the fixture garden test/fixtures/canvas (a board with
 * text, file, image, link and group cards, labelled and coloured edges, hostile cards, and a
 * canvas that is not JSON) is built and checked, and the site it writes is read back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphJson, NoteData } from '../src/shared/types.ts';
import { tempDir } from './helpers/garden.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const fixture = path.join(projectRoot, 'test/fixtures/canvas/garden');
const bin = path.join(projectRoot, 'bin/trellis.js');
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, TRELLIS_CACHE_DIR: tempDir() } });

let out: string;
let stdout: string;
let stderr: string;
const page = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
const main = (rel: string) => {
  const html = page(rel);
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
};

beforeAll(() => {
  out = path.join(tempDir(), 'dist');
  const r = run(['build', fixture, '--out', out, '--no-cache']);
  expect(r.status).toBe(0);
  stdout = r.stdout;
  stderr = r.stderr;
}, 180_000);

describe('a garden with canvases, built', () => {
  it('reports every problem of a canvas at its file, line and column, and builds the rest', () => {
    const at = (file: string, rest: string) => `${path.join('test/fixtures/canvas/garden', file)}:${rest}`;
    // The build's summary groups diagnostics by kind (diagnostic-summary.ts): compare as a set.
    expect(
      stderr
        .split('\n')
        .filter((l) => l.includes('.canvas:'))
        .map((l) => l.trim())
        .sort(),
    ).toEqual(
      [
        at(
          'Board.canvas',
          "9:67: warning: Refused the URL `javascript:alert('link%20card')`: only http, https, mailto, tel and obsidian links and relative URLs are allowed; the link is shown as text [unsafe-url]",
        ),
        at(
          'Board.canvas',
          "10:141: warning: Refused the URL `javascript:alert('mdlink')`: only http, https, mailto, tel and obsidian links and relative URLs are allowed; the link is shown as text [unsafe-url]",
        ),
        at(
          'Board.canvas',
          "10:245: warning: Refused the URL `javascript:alert('raw')`: only http, https, mailto, tel and obsidian links and relative URLs are allowed; the link is shown as text [unsafe-url]",
        ),
        at('Board.canvas', '11:59: warning: Cannot find `Nowhere` [missing-note]'),
        at(
          'Board.canvas',
          '11:121: warning: `color` of node `lonely` is `red; fill:url(javascript:alert(1))`; a colour is a preset from `"1"` to `"6"` or a hex colour such as `"#ff8800"`, so it is ignored [invalid-canvas]',
        ),
        at('Board.canvas', '17:41: warning: The edge `e4` connects node `ghost`, which is not drawn; the edge is left out [invalid-canvas]'),
        at(
          'Broken.canvas',
          '3:39: error: This canvas is not valid JSON (Unexpected `}`; expected a property name in double quotes); it is shown as text [invalid-canvas]',
        ),
      ].sort(),
    );
    expect(stdout).toMatch(/^6 notes, 9 links, 1 broken, 0 broken anchors/m);
  });

  it('writes each canvas as a page of cards and labelled edges, and no raw JSON', () => {
    const html = page('board.canvas/index.html');
    expect(html).toContain('<title>Board · ');
    expect(html).toContain('<garden-canvas class="canvas"><div class="canvas-viewport" role="region" aria-label="Canvas: Board"><svg class="canvas-scene"');
    // A text card is Markdown, its wiki-links resolved.
    expect(html).toContain(
      '<h1 id="plan">Plan</h1>\n<p>Read <strong><a href="/ideas/raft/" class="internal" data-note="Ideas/Raft">Raft</a></strong> first, then <a href="/ideas/paxos/" class="internal" data-note="Ideas/Paxos">the other one</a>.</p>',
    );
    expect(html).toContain('<a class="tag" href="/tags/consensus/" data-tag="consensus">#consensus</a>');
    // File cards embed the note (or its section) with a link to it, or show the image.
    expect(html).toMatch(
      /<foreignObject[^>]*><div class="canvas-card-content"><div class="transclusion" data-note="Ideas\/Raft"><div class="transclusion-header"><a class="internal" href="\/ideas\/raft\/"/,
    );
    expect(html).toContain('href="/ideas/raft/#leader-election" data-note="Ideas/Raft">Raft › Leader election</a>');
    expect(html).toContain('<div class="canvas-card-content"><img src="/pic.png" alt="pic.png" loading="lazy"></div>');
    expect(html).toContain('<div class="canvas-card-content"><p><a href="https://example.org/paper">https://example.org/paper</a></p></div>');
    // Groups, edges with their labels, colours by preset or hex attribute.
    expect(html).toContain('<g class="canvas-node canvas-group" data-node-id="group1" data-color="4">');
    expect(html).toContain('>Consensus &lt;i&gt;&amp;amp;&lt;/i&gt;</text>');
    expect(html).toContain('<tspan x="340" dy="0em">explains</tspan>');
    expect(html).toContain('<tspan x="600" dy="-0.6em">zoom</tspan><tspan x="600" dy="1.2em">in</tspan>');
    expect(html).toContain('stroke="#ff8800" fill="#ff8800" fill-opacity="0.1"');
    expect(html).toContain('data-edge-id="e3" data-from="raft" data-to="paper" data-color="custom"><path class="canvas-edge-line"');
    expect(html).not.toContain('data-edge-id="e4"');
    expect(existsSync(path.join(out, 'Board.canvas'))).toBe(false);
    expect(existsSync(path.join(out, 'pic.png'))).toBe(true);
    expect(page('broken.canvas/index.html')).toContain('<pre class="note-failed">{\n\t&quot;nodes&quot;:[');
  });

  it('keeps hostile cards inert: no script, no handler, no unsafe URL, no style from the file', () => {
    const body = main('board.canvas/index.html');
    expect(body).not.toMatch(/<script|onerror|style=/i);
    expect(body).not.toMatch(/="[^"]*javascript:/i);
    expect(body).not.toContain('fill:url');
    // The refused link card and Markdown link are shown as their text; the breakout attempt closed nothing.
    expect(body).toContain("<p>javascript:alert('link card')</p>");
    expect(body).toContain('<p>click me</p>');
    expect(body).toContain('data-node-id="evil&quot;&gt;&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;"');
    expect(body).toContain('<tspan x="920" dy="0em">&lt;/text&gt;&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;</tspan>');
    expect(body.match(/<foreignObject/g)).toHaveLength(8);
    expect(body.match(/<\/foreignObject>/g)).toHaveLength(8);
  });

  it('links notes to canvases and embeds them, and counts canvas links in the graph and backlinks', () => {
    const home = page('index.html');
    expect(home).toContain('<a href="/board.canvas/" class="internal" data-note="Board.canvas">the board</a>');
    expect(home).toContain(
      '<div class="transclusion" data-note="Board.canvas"><div class="transclusion-header"><a class="internal" href="/board.canvas/" data-note="Board.canvas">Board</a></div><div class="transclusion-body"><garden-canvas',
    );
    const graph = JSON.parse(page('graph.json')) as GraphJson;
    expect(graph.notes.find((n) => n.id === 'Board.canvas')).toMatchObject({
      path: 'Board.canvas',
      title: 'Board',
      url: '/board.canvas/',
      tags: ['consensus'],
    });
    expect(graph.links.filter((l) => l.source === 'Board.canvas')).toEqual([
      { source: 'Board.canvas', target: 'Ideas/Raft', kind: 'link' },
      { source: 'Board.canvas', target: 'Ideas/Raft', kind: 'embed' },
      { source: 'Board.canvas', target: 'Ideas/Paxos', kind: 'link' },
      { source: 'Board.canvas', target: 'Ideas/Lonely', kind: 'link' },
    ]);
    const raft = JSON.parse(page('ideas/raft/index.json')) as NoteData;
    expect(raft.backlinks).toEqual([
      { source: 'Board.canvas', title: 'Board', url: '/board.canvas/', kind: 'link', context: 'Read Raft first, then the other one.', highlight: [5, 9] },
      { source: 'Board.canvas', title: 'Board', url: '/board.canvas/', kind: 'embed', context: 'Ideas/Raft.md', highlight: [0, 13] },
    ]);
    expect(main('ideas/lonely/index.html')).toContain('<a class="backlink-title" href="/board.canvas/">Board</a>');
  });

  it('checks canvas links with trellis check', () => {
    const r = run(['check', fixture, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ notes: 6, links: 9, broken: [{ source: 'Board.canvas', line: 11, column: 59, target: 'Nowhere' }] });
  }, 120_000);
});
