import { describe, expect, it } from 'vitest';
import { classifyLink } from './classify-link.ts';

const here = new URL('https://garden.test/notes/raft/');
const classify = (href: string, base = '/') => classifyLink(new URL(href, here), here, base);

describe('classifyLink', () => {
  it('treats pretty URLs on this site as pages, keeping the anchor', () => {
    expect(classify('/notes/paxos/')).toEqual({ kind: 'page', path: '/notes/paxos/', hash: '' });
    expect(classify('../paxos/#multi-paxos')).toEqual({ kind: 'page', path: '/notes/paxos/', hash: '#multi-paxos' });
    expect(classify('/notes/paxos')).toEqual({ kind: 'page', path: '/notes/paxos/', hash: '' });
  });

  it('recognises anchors on the current page', () => {
    expect(classify('#safety')).toEqual({ kind: 'same-page', hash: '#safety' });
    expect(classify('/notes/raft/#%5Ecommit')).toEqual({ kind: 'same-page', hash: '#%5Ecommit' });
  });

  it('leaves other sites, files and reserved folders to the browser', () => {
    expect(classify('https://raft.github.io/')).toEqual({ kind: 'other' });
    expect(classify('/attachments/diagram.png')).toEqual({ kind: 'other' });
    expect(classify('/graph.json')).toEqual({ kind: 'other' });
    expect(classify('/_app/assets/main.js')).toEqual({ kind: 'other' });
    expect(classify('/_search/manifest.json')).toEqual({ kind: 'other' });
    expect(classify('mailto:me@garden.test')).toEqual({ kind: 'other' });
  });

  it('stays inside the base path', () => {
    const base = new URL('https://garden.test/garden/raft/');
    expect(classifyLink(new URL('https://garden.test/other/'), base, '/garden/')).toEqual({ kind: 'other' });
    expect(classifyLink(new URL('https://garden.test/garden/paxos/'), base, '/garden/')).toEqual({ kind: 'page', path: '/garden/paxos/', hash: '' });
  });
});
