/**
 * Math written inside a paragraph, as a micromark text construct emitting
 * remark-math's token types (so its mdast handlers build `inlineMath`). It
 * reads as remark-math's does: a run of `$` opens, the next run of the same
 * length closes, line endings of the paragraph may be inside, and one space
 * of padding on both sides is dropped. The difference: a backslash and the
 * character after it are TeX together, so `$\text{\$5}$` is one formula
 * (Obsidian reads it so) where remark-math would close it at `\$`.
 *
 * Which runs are display math (`$$…$$`) and which single-dollar pairs are
 * prices rather than math is decided on the tree (transforms/display-math.ts,
 * transforms/dollar-amounts.ts).
 */
import type { Code, Construct, Effects, Event, State, Token, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mathText: 'mathText';
    mathTextData: 'mathTextData';
    mathTextPadding: 'mathTextPadding';
    mathTextSequence: 'mathTextSequence';
  }
}

const dollarSign = 36;
const backslash = 92;
const space = 32;

function isLineEnding(code: Code): boolean {
  return code !== null && code < -2;
}

/** The inline math construct, for micromark's `text` at `$`. */
export const mathText: Construct = { name: 'obsidianMathText', tokenize: tokenizeMathText, resolve: resolvePadding, previous };

/** A run of `$` is never split: math cannot start right after a `$`, unless that one was escaped (`\$`). */
function previous(this: TokenizeContext, code: Code): boolean {
  return code !== dollarSign || this.events[this.events.length - 1]![1].type === 'characterEscape';
}

function tokenizeMathText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let sizeOpen = 0;
  let size = 0;
  let closing: Token | undefined;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('mathText');
    effects.enter('mathTextSequence');
    return openSequence(code);
  }

  function openSequence(code: Code): State | undefined {
    if (code === dollarSign) {
      effects.consume(code);
      sizeOpen++;
      return openSequence;
    }
    effects.exit('mathTextSequence');
    return between(code);
  }

  /** Between pieces of the formula: at a run of `$`, a space, a line ending or data. */
  function between(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (code === dollarSign) {
      closing = effects.enter('mathTextSequence');
      size = 0;
      return closeSequence(code);
    }
    if (code === space) {
      effects.enter('space');
      effects.consume(code);
      effects.exit('space');
      return between;
    }
    if (isLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return between;
    }
    effects.enter('mathTextData');
    return data(code);
  }

  function data(code: Code): State | undefined {
    if (code === null || code === space || code === dollarSign || isLineEnding(code)) {
      effects.exit('mathTextData');
      return between(code);
    }
    effects.consume(code);
    return code === backslash ? escaped : data;
  }

  /** After a backslash: the next character is TeX, not a closing `$` (`\$` is a dollar sign, `\\` a line break). */
  function escaped(code: Code): State | undefined {
    if (code === null || isLineEnding(code)) return data(code);
    effects.consume(code);
    return data;
  }

  function closeSequence(code: Code): State | undefined {
    if (code === dollarSign) {
      effects.consume(code);
      size++;
      return closeSequence;
    }
    if (size === sizeOpen) {
      effects.exit('mathTextSequence');
      effects.exit('mathText');
      return ok(code);
    }
    // A run of another length is part of the formula.
    closing!.type = 'mathTextData';
    return data(code);
  }
}

/**
 * Drop one space (or line ending) on each side when both sides have one and
 * there is TeX between, and make the other spaces part of the formula.
 */
function resolvePadding(events: Event[]): Event[] {
  // events: enter mathText, enter/exit opening sequence, …inner…, enter/exit closing sequence, exit mathText.
  const first = 3;
  const last = events.length - 4;
  const isGap = (event: Event) => event[1].type === 'space' || event[1].type === 'lineEnding';
  if (last > first && isGap(events[first]!) && isGap(events[last]!)) {
    for (let i = first + 2; i < last; i += 2) {
      if (events[i]![1].type !== 'mathTextData') continue;
      events[first]![1].type = 'mathTextPadding';
      events[last]![1].type = 'mathTextPadding';
      break;
    }
  }
  for (const event of events) if (event[1].type === 'space') event[1].type = 'mathTextData';
  return events;
}
