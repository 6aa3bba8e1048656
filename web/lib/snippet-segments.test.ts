import { describe, expect, it } from 'vitest';
import { snippetSegments } from './snippet-segments.ts';

describe('snippetSegments', () => {
  it('splits marked and plain text', () => {
    expect(snippetSegments('…the <mark>leader</mark> sends <mark>heartbeats</mark>')).toEqual([
      { text: '…the ', mark: false },
      { text: 'leader', mark: true },
      { text: ' sends ', mark: false },
      { text: 'heartbeats', mark: true },
    ]);
  });

  it('decodes entities and never keeps other markup', () => {
    expect(snippetSegments('a &lt;b&gt; &amp; <img src=x onerror=alert(1)><mark>c&#39;s</mark> &#x1F331;')).toEqual([
      { text: 'a <b> & ', mark: false },
      { text: "c's", mark: true },
      { text: ' 🌱', mark: false },
    ]);
  });

  it('is empty for an empty snippet', () => {
    expect(snippetSegments('')).toEqual([]);
  });
});
