/**
 * The builder's modules import each other without cycles, type imports included: a stage imports
 * the stages before it and the shared core, never the other way round (docs/architecture.md).
 * Imports are read with TypeScript's own pre-processor, not by pattern.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Every code file under `dir` (tests aside), relative to the project. */
function codeFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.mts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** The project files `file` imports (relative imports only). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles.filter((f) => f.fileName.startsWith('.')).map((f) => path.normalize(path.join(path.dirname(file), f.fileName)));
}

/** One cycle of the graph, if it has any (depth-first search). */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (u: string): string[] | undefined => {
    state.set(u, 'open');
    stack.push(u);
    for (const v of graph.get(u) ?? []) {
      if (!graph.has(v)) continue;
      if (state.get(v) === 'open') return [...stack.slice(stack.indexOf(v)), v];
      if (!state.has(v)) {
        const found = visit(v);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(u, 'done');
    return undefined;
  };
  for (const u of [...graph.keys()].sort()) {
    if (state.has(u)) continue;
    const found = visit(u);
    if (found) return found;
  }
  return undefined;
}

describe('module structure', () => {
  it('src/ has no import cycle, type imports included', () => {
    const graph = new Map(codeFiles('src').map((f) => [f, importsOf(f)]));
    expect(graph.size).toBeGreaterThan(150);
    expect(findCycle(graph)).toBeUndefined();
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(findCycle(graph)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
    expect(
      findCycle(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toBeUndefined();
  });
});
