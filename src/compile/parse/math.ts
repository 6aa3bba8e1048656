/**
 * Math for the parser, read as Obsidian reads it: remark-math's mdast nodes
 * (`math`, `inlineMath`) built from our own micromark constructs, which differ
 * from remark-math's where Obsidian does (math-flow.ts, math-text.ts). Which
 * inline runs are display math or prices is decided on the tree afterwards
 * (transforms/display-math.ts, transforms/dollar-amounts.ts).
 */
import type { Extension } from 'micromark-util-types';
import remarkMath from 'remark-math';
import type { Processor } from 'unified';
import { mathFlow } from './math-flow.ts';
import { mathText } from './math-text.ts';

const dollarSign = 36;

/** unified plugin: remark-math's nodes and handlers with Obsidian's math syntax. */
export function remarkObsidianMath(this: Processor): void {
  remarkMath.call(this);
  const data = this.data() as { micromarkExtensions?: Extension[] };
  // Replace remark-math's syntax (the last extension it added); keep its mdast handlers.
  const syntaxes = (data.micromarkExtensions ??= []);
  syntaxes.pop();
  syntaxes.push({ flow: { [dollarSign]: mathFlow }, text: { [dollarSign]: mathText } });
}
