/**
 * The look-aheads of the display-math block (math-flow.ts): where its
 * closing `$$` is, and whether the next line still belongs to its container.
 */
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

const dollarSign = 36;

/** A line ending (CR, LF or CRLF, which micromark codes as -5, -4, -3). */
export function isLineEnding(code: Code): boolean {
  return code !== null && code < -2;
}

/** A space, a tab or the virtual spaces micromark adds after a tab. */
export function isSpaceOrTab(code: Code): boolean {
  return code === 32 || code === -2 || code === -1;
}

/** A closing fence: a run of exactly `size` dollars followed by nothing but spaces on its line. */
export function closingFence(size: number): Construct {
  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let seen = 0;
    return start;
    function start(code: Code): State | undefined {
      effects.enter('mathFlowFence');
      effects.enter('mathFlowFenceSequence');
      return sequence(code);
    }
    function sequence(code: Code): State | undefined {
      if (code === dollarSign) {
        effects.consume(code);
        seen++;
        return sequence;
      }
      if (seen !== size) return nok(code);
      effects.exit('mathFlowFenceSequence');
      if (!isSpaceOrTab(code)) return after(code);
      effects.enter('whitespace');
      return trailing(code);
    }
    function trailing(code: Code): State | undefined {
      if (isSpaceOrTab(code)) {
        effects.consume(code);
        return trailing;
      }
      effects.exit('whitespace');
      return after(code);
    }
    function after(code: Code): State | undefined {
      if (code !== null && !isLineEnding(code)) return nok(code);
      effects.exit('mathFlowFence');
      return ok(code);
    }
  }
  return { tokenize, partial: true };
}

/** A run of exactly `size` dollars, whatever follows it. */
export function closingRun(size: number): Construct {
  function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let seen = 0;
    return start;
    function start(code: Code): State | undefined {
      effects.enter('mathFlowFenceSequence');
      return sequence(code);
    }
    function sequence(code: Code): State | undefined {
      if (code === dollarSign) {
        effects.consume(code);
        seen++;
        return sequence;
      }
      effects.exit('mathFlowFenceSequence');
      return seen === size ? ok(code) : nok(code);
    }
  }
  return { tokenize, partial: true };
}

/** A line ending followed by a line of the same container (not a lazy line), or the end of the note. */
export const nonLazyLineEnding: Construct = { tokenize: tokenizeNonLazyLineEnding, partial: true };

function tokenizeNonLazyLineEnding(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const isLazy = (): boolean => Boolean(this.parser.lazy[this.now().line]);
  return start;
  function start(code: Code): State | undefined {
    if (code === null) return ok(code);
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  }
  function lineStart(code: Code): State | undefined {
    return isLazy() ? nok(code) : ok(code);
  }
}
