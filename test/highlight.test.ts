/**
 * Code highlighting (src/render/highlighter.ts): token kinds as classes, no
 * inline styles, and the JavaScript regex engine tokenizes real code exactly
 * as Shiki's reference Oniguruma engine does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Code } from 'mdast';
import { createCssVariablesTheme, createHighlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/compile/parse/processor.ts';
import { runNoteJob } from '../src/compile/job.ts';
import { katexTypesetter } from '../src/compile/render/katex.ts';
import { getHighlighter } from '../src/compile/render/highlighter.ts';
import { tokenizeTimeLimit, codeTheme, languages, type Highlighter } from '../src/compile/render/highlight-options.ts';
import { buildLinkIndex } from '../src/shared/links/link-index.ts';
import type { NoteId, NotePath } from '../src/shared/types.ts';
import { tasksVault } from './helpers/garden.ts';

const garden = path.resolve(import.meta.dirname, '../garden');

/** Every fenced code block of the default garden and the fixture vault, found in the syntax tree. */
function codeBlocks(): { lang: string; code: string; file: string }[] {
  const out: { lang: string; code: string; file: string }[] = [];
  for (const root of [garden, tasksVault]) {
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
      const file = path.join(entry.parentPath, entry.name);
      visit(parseMarkdown(readFileSync(file, 'utf8')), 'code', (node: Code) => {
        if (node.lang && languages.includes(node.lang)) out.push({ lang: node.lang, code: node.value, file });
      });
    }
  }
  return out;
}

describe('code highlighting', () => {
  it('writes token kinds as classes, without inline styles', async () => {
    const ctx = { index: buildLinkIndex([], []), urls: new Map(), nonce: 'n', highlighter: await getHighlighter(), math: katexTypesetter };
    const text = '```go\n// hello\nfunc main() { fmt.Println("hi", 42) }\n```\n';
    const { rendered } = runNoteJob({ path: 'n.md' as NotePath, id: 'n' as NoteId, hash: '', text }, ctx);
    const html = rendered.blocks.map((b) => b.html).join('');
    expect(html).toMatch(/^<pre class="shiki" tabindex="0"><code class="language-go">/);
    expect(html).toContain('<span class="tok-comment">// hello</span>');
    expect(html).toContain('<span class="tok-keyword">func</span>');
    expect(html).toContain('<span class="tok-constant">42</span>');
    expect(html).not.toContain('style=');
  });

  it('tokenizes every code block of the default garden and the fixture vault as Oniguruma does', async () => {
    const blocks = codeBlocks();
    expect(blocks.length).toBeGreaterThan(50);
    const reference = (await createHighlighter({
      themes: [createCssVariablesTheme({ name: codeTheme, variablePrefix: '--shiki-', fontStyle: true })],
      langs: [...new Set(blocks.map((b) => b.lang))],
    })) as unknown as Highlighter;
    const ours = await getHighlighter();
    const differing = blocks.filter(({ lang, code }) => {
      const a = reference.codeToTokensBase(code, { lang, theme: codeTheme, tokenizeTimeLimit: 0 });
      const b = ours.codeToTokensBase(code, { lang, theme: codeTheme, tokenizeTimeLimit });
      return JSON.stringify(a) !== JSON.stringify(b);
    });
    expect(differing.map((d) => `${path.basename(d.file)}: ${d.lang}`)).toEqual([]);
  });
});
