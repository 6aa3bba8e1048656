/** Canvas files, piece by piece: the positioned JSON parser, validation with exact diagnostics, colours, edge geometry and the scene's markup. */
import { describe, expect, it } from 'vitest';
import { edgeCurve, facing } from '../src/canvas/edge-geometry.ts';
import { parseColor } from '../src/canvas/parse-color.ts';
import { parseJson } from '../src/canvas/parse-json.ts';
import { readCanvas } from '../src/canvas/read-canvas.ts';
import { renderScene } from '../src/canvas/render-scene.ts';
import { stringSegment } from '../src/canvas/segments.ts';
import { indexLines } from '../src/canvas/source-points.ts';
import type { Canvas } from '../src/canvas/types.ts';

/** Read `text`, with each problem as `line:column: reason`. */
function read(text: string) {
  const lines = indexLines(text);
  const problems: string[] = [];
  const result = readCanvas(text, (at, reason) => {
    const p = lines.pointAt(at);
    problems.push(`${p.line}:${p.column}: ${reason}`);
  });
  return { result, problems };
}

describe('the positioned JSON parser', () => {
  it('keeps the offsets of values and keys', () => {
    const parsed = parseJson('{"a": [1, "x\\n", true, null]}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.value.kind !== 'object') throw new Error('expected an object');
    const [entry] = parsed.value.entries;
    expect(entry).toMatchObject({ key: 'a', keyStart: 1 });
    expect(entry!.value).toMatchObject({ kind: 'array', start: 6, end: 28 });
    if (entry!.value.kind !== 'array') throw new Error('expected an array');
    expect(entry!.value.items.map((i) => [i.kind, i.start, i.end])).toEqual([
      ['number', 7, 8],
      ['string', 10, 15],
      ['boolean', 17, 21],
      ['null', 23, 27],
    ]);
    expect(entry!.value.items[1]).toMatchObject({ value: 'x\n' });
  });

  it('reports the first syntax error at its offset, and refuses nesting past its bound without overflowing the stack', () => {
    expect(parseJson('{"a":1,}')).toEqual({ ok: false, offset: 7, message: 'Unexpected `}`; expected a property name in double quotes' });
    expect(parseJson('[1 2]')).toEqual({ ok: false, offset: 3, message: 'Unexpected `2`; expected `,` or `]`' });
    expect(parseJson('"a\tb"')).toMatchObject({ ok: false, offset: 2 });
    expect(parseJson('"\\x"')).toMatchObject({ ok: false, offset: 1, message: 'Invalid escape `\\x`' });
    expect(parseJson('{} x')).toMatchObject({ ok: false, offset: 3 });
    expect(parseJson('['.repeat(200_000))).toMatchObject({ ok: false, offset: 65, message: 'Nested deeper than 64 levels' });
  });
});

describe('positions inside a card', () => {
  it('map a point of the decoded Markdown through the JSON escapes to the file', () => {
    const source = '{\n\t"text": "a\\n\\u00e9 [[b]]"\n}';
    const start = source.indexOf('"a');
    const end = source.indexOf('"\n}') + 1;
    const segment = stringSegment(source, indexLines(source), [start, end], 'a\né [[b]]');
    // `[[b]]` is on line 2, column 3 of the card; in the file it is on line 2 after `\n\u00e9 `.
    expect(segment.pointOf(2, 3)).toEqual({ line: 2, column: source.split('\n')[1]!.indexOf('[[') + 1 });
    expect(segment.offsetOf(0)).toBe(start + 1);
  });
});

describe('reading a canvas', () => {
  it('keeps what is valid and reports the rest at its line and column', () => {
    const text = [
      '{"nodes":[',
      '{"id":"a","type":"text","text":"hi","x":0,"y":0,"width":100,"height":50,"color":"9"},',
      '{"id":"b","type":"file","file":"N.md","subpath":"Heading","x":200,"y":0,"width":100,"height":50},',
      '{"id":"a","type":"link","url":"https://example.org","x":0,"y":0,"width":1,"height":1},',
      '{"id":"c","type":"sticker","x":0,"y":0,"width":1,"height":1},',
      '{"id":"d","type":"group","x":"0","y":0,"width":1,"height":1},',
      '{"id":"e","type":"group","x":0,"y":0,"width":0,"height":1},',
      '{"id":"f","type":"group","x":-10,"y":-10,"width":400,"height":100,"label":"G","backgroundStyle":"tile"},',
      '42',
      '],"edges":[',
      '{"id":"e1","fromNode":"a","toNode":"b","fromSide":"middle","toEnd":"both","label":"x","color":"#ABC"},',
      '{"id":"e2","fromNode":"a","toNode":"zz"},',
      '{"id":"e1","fromNode":"b","toNode":"a"}',
      ']}',
    ].join('\n');
    const { result, problems } = read(text);
    expect(problems).toEqual([
      '2:81: `color` of node `a` is `9`; a colour is a preset from `"1"` to `"6"` or a hex colour such as `"#ff8800"`, so it is ignored',
      '3:49: `subpath` of node `b` should start with `#`; it is ignored',
      '4:1: Node id `a` is used twice; this node is left out',
      '5:18: node `c` has type `sticker`; only text, file, link and group nodes are drawn, so it is left out',
      '6:30: `x` of node `d` should be a number, not a string; it is left out',
      '7:1: node `e` is 0×1; a node needs a positive width and height, so it is left out',
      '8:97: `backgroundStyle` of node `f` is `tile`; it should be one of `cover`, `ratio`, `repeat`, so it is ignored',
      '9:1: A node should be an object, not a number; it is left out',
      '11:51: `fromSide` of edge `e1` is `middle`; it should be one of `top`, `right`, `bottom`, `left`, so it is ignored',
      '11:68: `toEnd` of edge `e1` is `both`; it should be one of `none`, `arrow`, so it is ignored',
      '12:36: The edge `e2` connects node `zz`, which is not drawn; the edge is left out',
      '13:1: Edge id `e1` is used twice; this edge is left out',
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.canvas.nodes.map((n) => [n.id, n.type])).toEqual([
      ['a', 'text'],
      ['b', 'file'],
      ['f', 'group'],
    ]);
    expect(result.canvas.nodes[1]).not.toHaveProperty('subpath');
    expect(result.canvas.edges).toEqual([
      {
        id: 'e1',
        fromNode: 'a',
        toNode: 'b',
        fromEnd: 'none',
        toEnd: 'arrow',
        label: 'x',
        color: { kind: 'hex', hex: '#aabbcc' },
        at: text.indexOf('{"id":"e1"'),
      },
    ]);
  });

  it('cannot draw what is not a JSON object', () => {
    expect(read('[1,2]').result).toEqual({ ok: false, at: 0, reason: 'A canvas is a JSON object with `nodes` and `edges`, not a list' });
    expect(read('{"nodes": [}').result).toEqual({ ok: false, at: 11, reason: 'This canvas is not valid JSON (Unexpected `}`; a value was expected)' });
    expect(read('{}').result).toEqual({ ok: true, canvas: { nodes: [], edges: [] } });
    expect(read(' \n').result).toEqual({ ok: true, canvas: { nodes: [], edges: [] } });
  });
});

describe('canvas colours', () => {
  it('accept the six presets and hex colours only', () => {
    expect(parseColor('1')).toEqual({ kind: 'preset', preset: '1' });
    expect(parseColor('6')).toEqual({ kind: 'preset', preset: '6' });
    expect(parseColor('#ABC')).toEqual({ kind: 'hex', hex: '#aabbcc' });
    expect(parseColor('#FF8800')).toEqual({ kind: 'hex', hex: '#ff8800' });
    for (const bad of ['0', '7', 'red', '#12345', '#ff8800; fill: url(javascript:x)', ' #fff', '#fff ', 'rgb(1,2,3)', '"#fff"']) {
      expect(parseColor(bad), bad).toBeUndefined();
    }
  });
});

describe('edge geometry', () => {
  const a = { x: 0, y: 0, width: 100, height: 50 };
  const right = { x: 300, y: 0, width: 100, height: 50 };
  const below = { x: 0, y: 300, width: 100, height: 50 };

  it('attaches unset sides to the sides facing the other node', () => {
    expect([facing(a, right), facing(right, a), facing(a, below), facing(below, a)]).toEqual(['right', 'left', 'bottom', 'top']);
    const c = edgeCurve(a, right);
    expect([c.from, c.to]).toEqual([
      { x: 100, y: 25 },
      { x: 300, y: 25 },
    ]);
    expect(c.middle).toEqual({ x: 200, y: 25 });
  });

  it('leaves and enters given sides at right angles', () => {
    const c = edgeCurve(a, right, 'top', 'bottom');
    expect(c.from).toEqual({ x: 50, y: 0 });
    expect(c.c1.x).toBe(50);
    expect(c.c1.y).toBeLessThan(0);
    expect(c.to).toEqual({ x: 350, y: 50 });
    expect(c.c2.x).toBe(350);
    expect(c.c2.y).toBeGreaterThan(50);
  });
});

describe('the scene', () => {
  const canvas: Canvas = {
    nodes: [
      { id: 'g"<>', type: 'group', x: 0, y: 0, width: 500, height: 300, at: 0, label: '<b>Group</b>', color: { kind: 'preset', preset: '4' } },
      { id: 't', type: 'text', x: 20, y: 20, width: 200, height: 100, at: 0, text: '', span: [0, 0], color: { kind: 'hex', hex: '#3377ff' } },
      { id: 'u', type: 'link', x: 300, y: 20, width: 150, height: 80, at: 0, url: 'https://example.org', urlSpan: [0, 0] },
    ],
    edges: [{ id: 'e', fromNode: 't', toNode: 'u', fromEnd: 'none', toEnd: 'arrow', label: 'a <b>\nline', color: { kind: 'preset', preset: '2' }, at: 0 }],
  };

  it('sizes the SVG to the canvas, escapes every string of the file, and paints colours only as attributes', () => {
    const html = renderScene({ canvas, bodies: new Map([['t', '<p>card</p>']]), backgrounds: new Map(), key: 'k', title: 'T <x>' });
    expect(html).toContain(
      '<svg class="canvas-scene" xmlns="http://www.w3.org/2000/svg" viewBox="-40 -72 580 412" data-bounds="-40 -72 580 412" width="580" height="412">',
    );
    expect(html).toContain('<div class="canvas-viewport" role="region" aria-label="Canvas: T &lt;x&gt;">');
    expect(html).toContain('data-node-id="g&quot;&lt;&gt;" data-color="4"');
    expect(html).toContain('>&lt;b&gt;Group&lt;/b&gt;</text>');
    expect(html).toContain('<foreignObject x="20" y="20" width="200" height="100"><div class="canvas-card-content"><p>card</p></div></foreignObject>');
    expect(html).toContain('stroke="#3377ff" fill="#3377ff" fill-opacity="0.1"');
    expect(html).toContain('<tspan x="260" dy="-0.6em">a &lt;b&gt;</tspan><tspan x="260" dy="1.2em">line</tspan>');
    expect(html).toContain('marker-end="url(#canvas-k-arrow-p2)"');
    expect(html).toContain('<marker id="canvas-k-arrow-p2" class="canvas-arrow" data-color="2"');
    expect(html).not.toContain('style=');
  });

  it('says so when the canvas is empty', () => {
    expect(renderScene({ canvas: { nodes: [], edges: [] }, bodies: new Map(), backgrounds: new Map(), key: 'k', title: 'E' })).toBe(
      '<garden-canvas class="canvas"><p class="canvas-empty">This canvas is empty.</p></garden-canvas>',
    );
  });
});
