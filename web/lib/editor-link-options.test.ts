import { describe, expect, it } from 'vitest';
import { listLinkOptions } from './editor-link-options.ts';
import { testIndex } from './editor-test-index.ts';

describe('listLinkOptions', () => {
  it('completes notes by title, best match first, inserting the unique file name', () => {
    const options = listLinkOptions({ kind: 'note', embed: false, query: 'pax', start: 2 }, testIndex);
    expect(options[0]).toMatchObject({ label: 'Paxos', insert: 'Paxos', detail: 'Distributed Systems/Paxos.md', kind: 'note' });
  });

  it('completes by alias and by path', () => {
    const byAlias = listLinkOptions({ kind: 'note', embed: false, query: 'raft cons', start: 2 }, testIndex);
    expect(byAlias[0]).toMatchObject({ label: 'Raft consensus', insert: 'Raft', detail: 'alias of Raft · Distributed Systems/Raft.md' });
    const byPath = listLinkOptions({ kind: 'note', embed: false, query: 'home', start: 2 }, testIndex);
    expect(byPath[0]).toMatchObject({ label: 'Welcome home', insert: 'Home' });
  });

  it('inserts the path when the file name is ambiguous', () => {
    const options = listLinkOptions({ kind: 'note', embed: false, query: 'b/notes', start: 2 }, testIndex);
    expect(options[0]).toMatchObject({ label: 'Notes', insert: 'b/Notes' });
  });

  it('offers attachments only in embeds', () => {
    expect(listLinkOptions({ kind: 'note', embed: false, query: 'diagram', start: 2 }, testIndex)).toEqual([]);
    const embed = listLinkOptions({ kind: 'note', embed: true, query: 'diagram', start: 3 }, testIndex);
    expect(embed.map((o) => [o.label, o.insert, o.kind])).toEqual([['diagram.png', 'diagram.png', 'attachment']]);
  });

  it("completes the named note's headings and block ids", () => {
    const headings = listLinkOptions({ kind: 'heading', target: 'raft', query: '', start: 7 }, testIndex);
    expect(headings.map((o) => o.insert)).toEqual(['Leader election', 'Log replication']);
    const some = listLinkOptions({ kind: 'heading', target: 'Raft', query: 'repl', start: 7 }, testIndex);
    expect(some.map((o) => o.insert)).toEqual(['Log replication']);
    const blocks = listLinkOptions({ kind: 'block', target: 'Raft', query: 't', start: 8 }, testIndex);
    expect(blocks.map((o) => o.label)).toEqual(['^terms', '^safety']);
    expect(listLinkOptions({ kind: 'heading', target: 'Nope', query: '', start: 7 }, testIndex)).toEqual([]);
  });

  it('respects the limit', () => {
    expect(listLinkOptions({ kind: 'note', embed: false, query: '', start: 2 }, testIndex, '', 2)).toHaveLength(2);
  });
});
