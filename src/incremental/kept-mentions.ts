/**
 * Unlinked mentions kept between builds, beside the cache: each source note's mentions
 * (`mentionsIn`, src/graph/unlinked-mentions.ts) under the key of everything they are made of
 * (see `mentionsKeys` in src/graph/index.ts). A warm build scans only the notes whose key changed:
 * with the same titles and aliases in the garden, those whose text, title, URL or links changed.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Backlink, NoteId } from '../shared/types.ts';
import type { MentionsMemo } from '../graph/index.ts';
import { cacheDir } from '../store/cache.ts';
import { codeFingerprint } from '../version.ts';

/** One source note's mentions, as [target, entry]. */
export type SourceMentions = [NoteId, Backlink][];

/**
 * The kept mentions of one garden: `get` gives the mentions found in a source by a build that gave
 * it the same key; `set` keeps them, and `carry` keeps a source's as the last build kept them (the
 * kept set is this build's sources only).
 */
export interface KeptMentions extends MentionsMemo {
  /** Write what this build kept, tagged with the fingerprint of the build (`builtBy` for the next). */
  save(build?: string): void;
}

interface Kept {
  code: string;
  /** The fingerprint of the build that kept them. */
  build?: string;
  /** The key of that build's phrase index (`MentionsMemo.phrases`). */
  phrases?: string;
  sources: Map<NoteId, [key: string, found: SourceMentions]>;
}

/** Open the mentions kept for `gardenRoot` (none when there are none or they cannot be read). */
export function openKeptMentions(gardenRoot: string): KeptMentions {
  const file = `${cacheDir(gardenRoot)}-mentions`;
  let previous: Kept['sources'] | undefined;
  let builtBy: string | undefined;
  let phrases: string | undefined;
  try {
    const kept = deserialize(readFileSync(file)) as Kept;
    if (kept.code === codeFingerprint()) [previous, builtBy, phrases] = [kept.sources, kept.build, kept.phrases];
  } catch {
    previous = undefined;
  }
  const now: Kept['sources'] = new Map();
  let phrasesNow: string | undefined;
  return {
    builtBy,
    phrases: typeof phrases === 'string' ? phrases : undefined,
    keepPhrases(key) {
      phrasesNow = key;
    },
    get(source, key) {
      const kept = previous?.get(source);
      return kept && kept[0] === key ? kept[1] : undefined;
    },
    set(source, key, found) {
      now.set(source, [key, found]);
    },
    carry(source) {
      const kept = previous?.get(source);
      if (kept) now.set(source, kept);
      return kept?.[1];
    },
    save(build) {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        const kept: Kept = { code: codeFingerprint(), ...(build ? { build } : {}), ...(phrasesNow ? { phrases: phrasesNow } : {}), sources: now };
        writeFileSync(tmp, serialize(kept));
        renameSync(tmp, file);
      } catch {
        rmSync(tmp, { force: true });
      }
      previous = undefined;
    },
  };
}
