/**
 * Resolve one parsed link: target note or attachment, then the anchor inside
 * the target. Anchor ids are computed from the written text; whether the
 * heading or block exists is checked by `checkAnchor` once every note is parsed.
 */
import { headingId, headingKey } from '../ids.ts';
import type { Anchor, Heading, BlockId, LinkRef, NoteId, Resolution } from '../types.ts';
import type { LinkIndex } from './link-index.ts';
import { resolveTarget, type TargetResolution } from './resolve-target.ts';

/** A resolution plus the ranked candidates when the name was ambiguous. */
export interface LinkResolution {
  resolution: Resolution;
  ambiguous?: NoteId[];
}

/**
 * Targets a pass over many links has resolved, by the target as written, where the answer does not
 * depend on the linking note (not relative, and not one of several notes or files sharing a name).
 */
export type TargetMemo = Map<string, TargetResolution>;

/** A target written relative to the linking note (`./x`, `../x`, also with backslashes or leading slashes and spaces). */
const relativeLooking = /^[\s/\\]*\.\.?[/\\]/;

/** Resolve `ref` written in note `source`; `memo` keeps targets across the links of one pass over an unchanged index. */
export function resolveLink(index: LinkIndex, source: NoteId, ref: LinkRef, memo?: TargetMemo): LinkResolution {
  const anchor = writtenAnchor(ref);
  if (ref.target === '') return { resolution: { kind: 'self', ...(anchor ? { anchor } : {}) } };
  const t = memo ? memoizedTarget(memo, index, source, ref.target) : resolveTarget(index, source, ref.target);
  switch (t.kind) {
    case 'missing':
      return { resolution: { kind: 'missing' } };
    case 'attachment':
      return { resolution: { kind: 'attachment', path: t.path } };
    case 'note': {
      const ambiguous = t.candidates ? { ambiguous: t.candidates } : {};
      if (t.note.id === source) return { resolution: { kind: 'self', ...(anchor ? { anchor } : {}) }, ...ambiguous };
      if (!t.note.publish) return { resolution: { kind: 'unpublished', target: t.note.id }, ...ambiguous };
      return { resolution: { kind: 'note', target: t.note.id, ...(anchor ? { anchor } : {}) }, ...ambiguous };
    }
  }
}

function memoizedTarget(memo: TargetMemo, index: LinkIndex, source: NoteId, target: string): TargetResolution {
  const known = memo.get(target);
  if (known) return known;
  const t = resolveTarget(index, source, target);
  if (!(t.kind !== 'missing' && t.candidates) && !relativeLooking.test(target)) memo.set(target, t);
  return t;
}

function writtenAnchor(ref: LinkRef): Anchor | undefined {
  if (ref.block) return { kind: 'block', id: ref.block, found: false };
  const last = ref.headings[ref.headings.length - 1];
  if (last === undefined) return undefined;
  return { kind: 'heading', id: headingId(last), text: ref.headings.join('#'), found: false };
}

/** The anchor with `found` and the real heading id filled in from the target's headings and blocks. */
export function checkAnchor(anchor: Anchor, headings: readonly Heading[], blocks: readonly BlockId[], headingPath: readonly string[]): Anchor {
  if (anchor.kind === 'block') {
    const key = anchor.id.toLowerCase();
    return { ...anchor, found: blocks.some((b) => b.id.toLowerCase() === key) };
  }
  // Obsidian matches `#A#B` as heading B somewhere below heading A.
  let from = 0;
  let match: Heading | undefined;
  for (const part of headingPath) {
    const key = headingKey(part);
    match = undefined;
    for (let i = from; i < headings.length; i++) {
      if (headingKey(headings[i]!.text) === key) {
        match = headings[i];
        from = i + 1;
        break;
      }
    }
    if (!match) return { ...anchor, found: false };
  }
  return match ? { ...anchor, id: match.id, found: true } : { ...anchor, found: false };
}
