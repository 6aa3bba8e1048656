/**
 * The parse worker's warm-up: while it waits for its first batch, it compiles a note of its own a few
 * times, so that the notes a warm build sends it meet code the JIT has compiled and KaTeX loaded.
 *
 * A warm build sends its few changed notes ~0.1 s after the worker has loaded its modules, and its
 * builder's thread then waited for them: in a 1-note build at 10k notes the note's job took ~0.23 s
 * (the Markdown pipeline run by V8's interpreter, then KaTeX loaded and the note rendered again for
 * its formula), after this warm-up ~40 ms, and the thread no longer waits (docs/performance.md).
 * What it compiles is thrown away; nothing it leaves behind (compiled code, KaTeX loaded) changes what a note compiles to.
 */
import type { RenderContext } from './render/context.ts';
import { runNoteJob } from './job.ts';
import type { NoteJob } from './types.ts';

/**
 * What most notes hold: frontmatter, headings, emphasis, wiki-links with headings, aliases and
 * embeds, Markdown links, tags, lists and tasks, a callout, a table, a footnote, inline and display
 * math. No fenced code: Shiki is loaded only for code a note's previous version did not have (render/highlight-memo.ts).
 */
const warmUpText = `---
title: Warm-up
aliases: [Warm]
tags: [trellis/warm-up, status]
created: 2024-01-01
---

# Warm-up

Some *emphasis*, **strong** text, \`inline code\`, a [[Wiki Link]], a [[Other Note#A Heading|an alias]], an embed
![[Embedded Note#^block]], a [Markdown link](https://example.com/page "title"), an <https://example.com> autolink and a #tag/nested.
Inline math $a^2 + b^2 = c^2$ and a footnote[^1].

## A section

1. One item with **bold** and ~~strikethrough~~
2. Two, with [[Wiki Link]]
   - nested, and a task below
   - [ ] open task
   - [x] done task

> [!note] A callout
> With a line of its own and a [[Link In Callout]].

| Column | Other |
| --- | :-: |
| cell | [[Table Link]] |

$$
\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}
$$

Paragraph after the formula. ^block

[^1]: The footnote's text.
`;

const warmUpJob: NoteJob = { path: 'warm-up.md' as NoteJob['path'], id: 'warm-up' as NoteJob['id'], hash: '', text: warmUpText };

/** How many times the note is compiled, at most: the first pass runs in the interpreter, later ones meet baseline and optimised code. */
export const warmUpPasses = 2;

/** A module the worker loads when a note asks for it (render/on-demand.ts). */
interface Lazy {
  asked(): boolean;
  load(): Promise<void>;
}

/**
 * Compile the warm-up note up to `warmUpPasses` times with `ctx`, yielding to the event loop between
 * passes, and stop as soon as `stop()` says a batch has come (so it delays a batch by one pass at
 * most). Of the modules a pass asked for, those of `lazy.load` are loaded, as a note's compile would
 * (KaTeX); those of `lazy.clear` are not (Shiki, which only fenced code asks for), and each one's
 * `asked` is cleared, so a batch's compile is not told a module was asked for by a pass. Returns the passes run;
 * never rejects: a pass that throws, or a module that fails to load, ends the warm-up (a note's compile then meets it).
 */
export async function warmUp(ctx: RenderContext, lazy: { load: readonly Lazy[]; clear: readonly Lazy[] }, stop: () => boolean): Promise<number> {
  let passes = 0;
  while (passes < warmUpPasses && !stop()) {
    // Best effort: a pass that fails ends the warm-up, never the worker (a note's own compile reports its failures).
    try {
      runNoteJob(warmUpJob, ctx, true);
    } catch {
      break;
    }
    passes++;
    for (const l of lazy.clear) l.asked();
    const asked = lazy.load.filter((l) => l.asked());
    try {
      await Promise.all(asked.map((l) => l.load()));
    } catch {
      break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return passes;
}
