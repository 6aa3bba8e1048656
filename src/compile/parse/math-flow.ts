/**
 * Display math blocks as Obsidian reads them, as a micromark flow construct
 * emitting remark-math's token types (so its mdast handlers build the `math`
 * node). It differs from remark-math's block in three ways:
 *
 * - Text after the opening `$$` is part of the formula, not an info string:
 *   `$$a = b` starts a formula whose first line is `a = b`.
 * - The block ends at the first later `$$` (the opening run's length), also in
 *   the middle of a line: `c = d$$` ends it. `$$x$$` alone on a line is a block.
 * - `\$` (any backslash pair) is TeX, so it never ends the block.
 *
 * The block is refused (the lines are read as a paragraph, where `$$…$$` is
 * display math written inline, see math-text.ts) when text follows the closing
 * `$$` on its line, and when the opening line holds TeX but no `$$` closes it
 * before the end of its container. A `$$` with nothing after it on its line
 * and no closing `$$` runs to the end of its container, as in remark-math.
 *
 * Interrupting a paragraph is decided on the `$$` line alone (a bare `$$`, or
 * a whole `$$…$$` line), so a paragraph's continuation is never rescanned to
 * the note's end. Each scan stops at the next `$$`, so the work stays linear.
 */
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { closingFence, closingRun, isLineEnding, isSpaceOrTab, nonLazyLineEnding } from './math-flow-fences.ts';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mathFlow: 'mathFlow';
    mathFlowFence: 'mathFlowFence';
    mathFlowFenceSequence: 'mathFlowFenceSequence';
    mathFlowValue: 'mathFlowValue';
  }
}

const dollarSign = 36;
const backslash = 92;

/** The display-math block construct, for micromark's `flow` at `$`. */
export const mathFlow: Construct = { name: 'obsidianMathFlow', tokenize: tokenizeMathFlow, concrete: true };

function tokenizeMathFlow(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const tail = this.events[this.events.length - 1];
  // Whether micromark is only asking if this line interrupts a paragraph.
  const interrupting = (): boolean => Boolean(this.interrupt);
  // Continuation lines lose up to the opening line's indentation, as in fenced code.
  const indent = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let sizeOpen = 0;
  let bare = false;
  let inValue = false;
  let prefixSize = 0;
  let fence: Construct | undefined;
  let run: Construct | undefined;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('mathFlow');
    effects.enter('mathFlowFence');
    effects.enter('mathFlowFenceSequence');
    return openSequence(code);
  }

  function openSequence(code: Code): State | undefined {
    if (code === dollarSign) {
      effects.consume(code);
      sizeOpen++;
      return openSequence;
    }
    if (sizeOpen < 2) return nok(code);
    fence = closingFence(sizeOpen);
    run = closingRun(sizeOpen);
    effects.exit('mathFlowFenceSequence');
    if (isSpaceOrTab(code)) {
      effects.enter('whitespace');
      return openWhitespace(code);
    }
    return afterOpen(code);
  }

  function openWhitespace(code: Code): State | undefined {
    if (isSpaceOrTab(code)) {
      effects.consume(code);
      return openWhitespace;
    }
    effects.exit('whitespace');
    return afterOpen(code);
  }

  function afterOpen(code: Code): State | undefined {
    effects.exit('mathFlowFence');
    if (code === null || isLineEnding(code)) {
      bare = true;
      if (interrupting()) return ok(code);
    }
    return content(code);
  }

  /** In a line of the formula. */
  function content(code: Code): State | undefined {
    if (code === null) return atEnd(code);
    if (isLineEnding(code)) return lineEnd(code);
    if (code === dollarSign) {
      exitValue();
      return effects.attempt(fence!, closed, effects.check(run!, nok, dollars))(code);
    }
    enterValue();
    effects.consume(code);
    return code === backslash ? escaped : content;
  }

  /** After a backslash: the next character is TeX (`\$` is a dollar sign), unless the line ends. */
  function escaped(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return content(code);
    effects.consume(code);
    return content;
  }

  /** A run of `$` of another length than the opening one: part of the formula. */
  function dollars(code: Code): State | undefined {
    if (code !== dollarSign) return content(code);
    enterValue();
    effects.consume(code);
    return dollars;
  }

  function lineEnd(code: Code): State | undefined {
    exitValue();
    // While deciding whether to interrupt a paragraph, only the `$$` line is looked at.
    if (interrupting()) return nok(code);
    return effects.attempt(nonLazyLineEnding, lineStart, atEnd)(code);
  }

  function lineStart(code: Code): State | undefined {
    if (indent > 0 && isSpaceOrTab(code)) {
      effects.enter('linePrefix');
      prefixSize = 0;
      return prefix(code);
    }
    return content(code);
  }

  function prefix(code: Code): State | undefined {
    if (isSpaceOrTab(code) && prefixSize < indent) {
      effects.consume(code);
      prefixSize++;
      return prefix;
    }
    effects.exit('linePrefix');
    return content(code);
  }

  /** The end of the note or of the container, with no closing `$$` seen. */
  function atEnd(code: Code): State | undefined {
    exitValue();
    if (!bare) return nok(code);
    effects.exit('mathFlow');
    return ok(code);
  }

  function closed(code: Code): State | undefined {
    effects.exit('mathFlow');
    return ok(code);
  }

  function enterValue(): void {
    if (inValue) return;
    effects.enter('mathFlowValue');
    inValue = true;
  }

  function exitValue(): void {
    if (!inValue) return;
    effects.exit('mathFlowValue');
    inValue = false;
  }
}
