/**
 * The inputs of a note's assembled HTML, as one hash: its own compiled content, its resolved
 * links and the URL and state of every note they lead to (not their content: a link's HTML is its
 * own text, its target's URL and the resolution), and, through its embeds (to the assembler's
 * depth limit), the same of every note it shows. Two builds that give a note the same
 * hash assemble the same HTML for it (src/assemble/assemble.ts reads nothing else). A note that
 * shows a base (src/bases/), which lists the whole garden, has no such hash: it is assembled
 * every time, and its page compared by bytes.
 */
import { createHash } from 'node:crypto';
import { maxEmbedDepth } from '../constants.ts';
import type { NoteId, ParsedNote, ResolvedLink, Slug } from '../shared/types.ts';

/** What the hash reads of a note. */
export interface HtmlInputNote {
  parsed: ParsedNote;
  url: Slug;
  publish: boolean;
}

/** A function giving each note's HTML input hash (undefined: not known, assemble it), memoised over one build. */
export function htmlInputHashes(
  notes: ReadonlyMap<NoteId, HtmlInputNote>,
  links: (id: NoteId) => readonly ResolvedLink[],
  basePath: string,
): (id: NoteId) => string | undefined {
  // Each note's own part once: its content, links and their targets' state; then what its embeds show, by levels left.
  const local = new Map<NoteId, { hash: string; embeds: NoteId[] } | null>();
  const localOf = (id: NoteId) => {
    let value = local.get(id);
    if (value === undefined) {
      value = ownInputs(id);
      local.set(id, value);
    }
    return value;
  };
  const ownInputs = (id: NoteId): { hash: string; embeds: NoteId[] } | null => {
    const note = notes.get(id);
    if (!note) return { hash: `absent:${id}`, embeds: [] };
    const p = note.parsed;
    if ((p.bases && p.bases.length > 0) || p.path.endsWith('.base')) return null;
    // A link's written form (`ref`) is the note's content, which its hash stands for; what the resolve stage made of it is not.
    let s = `${basePath}\u0000${p.path}\u0000${p.hash}\u0000${note.url}\u0000${note.publish}\u0000`;
    const embeds: NoteId[] = [];
    for (const link of links(id)) {
      s += `\u0001${JSON.stringify(link.resolution)}${link.ambiguous ? link.ambiguous.join('\u0003') : ''}`;
      const r = link.resolution;
      const target = r.kind === 'note' || r.kind === 'unpublished' ? r.target : r.kind === 'self' ? id : undefined;
      if (target === undefined) continue;
      const t = notes.get(target);
      // A link shows its target's URL (and state); an embed shows its content too (and, where the assembler stops, its title).
      const embed = link.ref.kind === 'embed';
      s += t ? `\u0002${t.url}\u0002${t.publish}\u0002${t.parsed.title}\u0002${embed ? t.parsed.hash : ''}` : '\u0002absent';
      if (embed) embeds.push(target);
    }
    const h = createHash('sha256').update(s);
    return { hash: h.digest('base64url'), embeds };
  };
  // By (note, levels left): levels only fall as embeds are followed, so this recursion has no cycles.
  const memo = new Map<string, string | null>();
  const hashOf = (id: NoteId, levels: number): string | null => {
    const own = localOf(id);
    if (own === null) return null;
    if (own.embeds.length === 0 || levels <= 0) return own.hash;
    const k = `${levels}\u0000${id}`;
    let value = memo.get(k);
    if (value === undefined) {
      value = withEmbeds(own, levels);
      memo.set(k, value);
    }
    return value;
  };
  // What the embeds show, nested as deep as the assembler goes (it cuts cycles, from the same notes).
  const withEmbeds = (own: { hash: string; embeds: NoteId[] }, levels: number): string | null => {
    const h = createHash('sha256').update(own.hash);
    for (const target of own.embeds) {
      const inner = hashOf(target, levels - 1);
      if (inner === null) return null;
      h.update(`\u0002${inner}`);
    }
    return h.digest('base64url');
  };
  return (id) => hashOf(id, maxEmbedDepth + 1) ?? undefined;
}
