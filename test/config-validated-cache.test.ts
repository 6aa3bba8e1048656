/**
 * The validated configuration kept beside the build cache (src/config/validated-config.ts): a file
 * with the text validated last time is taken as validated then, without loading the schema; another
 * text, a file with errors, and a file naming a file the garden no longer has are checked as always,
 * their errors at their line and column.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.ts';
import { readValidated, validatedKey, writeValidated } from '../src/config/validated-config.ts';
import type { ConfigResult } from '../src/config/types.ts';
import { makeGarden, useTempCacheDir } from './helpers/garden.ts';

function configOf(result: ConfigResult) {
  if (!result.ok) throw new Error(`expected a configuration, got ${JSON.stringify(result.errors)}`);
  return result.config;
}

describe('the validated configuration kept', () => {
  useTempCacheDir();

  it('is taken for the same text, and the text validated again once it changes', async () => {
    const yaml = 'title: My Notes\nlanguage: pt-br\n';
    const root = makeGarden({ 'trellis.config.yaml': yaml, 'Home.md': '# Home\n' });
    const first = configOf(await loadConfig(root, {}, { cache: true }));
    expect(first.title).toBe('My Notes');
    expect(first.language).toBe('pt-BR');
    const key = validatedKey(yaml);
    expect(readValidated(root, key)).toMatchObject({ title: 'My Notes', language: 'pt-br' });

    // What is kept under the text's key is what a load with the cache takes: planted, it shows (a load without the cache validates).
    writeValidated(root, key, { ...readValidated(root, key)!, title: 'Kept' });
    expect(configOf(await loadConfig(root, {}, { cache: true })).title).toBe('Kept');
    expect(configOf(await loadConfig(root, {}, { cache: false })).title).toBe('My Notes');

    // Another text: validated again, and kept in its turn.
    writeFileSync(path.join(root, 'trellis.config.yaml'), 'title: Other Notes\n');
    expect(configOf(await loadConfig(root, {}, { cache: true })).title).toBe('Other Notes');
    expect(readValidated(root, validatedKey('title: Other Notes\n'))).toMatchObject({ title: 'Other Notes' });
    expect(readValidated(root, key)).toBeUndefined();
  });

  it('keeps no file with errors, and still reports where a kept file names a file the garden lost', async () => {
    const root = makeGarden({ 'trellis.config.yaml': 'title: Notes\nlanguage: 12\n', 'Home.md': '# Home\n' });
    for (let i = 0; i < 2; i++) {
      const result = await loadConfig(root, {}, { cache: true });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['2:11']);
    }
    expect(readValidated(root, validatedKey('title: Notes\nlanguage: 12\n'))).toBeUndefined();

    const yaml = 'title: Notes\nstylesheet: styles/site.css\n';
    writeFileSync(path.join(root, 'trellis.config.yaml'), yaml);
    // The stylesheet exists: the file validates and is kept.
    mkdirSync(path.join(root, 'styles'));
    writeFileSync(path.join(root, 'styles/site.css'), 'body {}');
    expect(configOf(await loadConfig(root, {}, { cache: true })).stylesheet).toBe('styles/site.css');
    expect(readValidated(root, validatedKey(yaml))).toBeDefined();
    // Gone since: the kept file is taken, the garden's files are checked again, and the error is at the option's line.
    rmSync(path.join(root, 'styles/site.css'));
    const result = await loadConfig(root, {}, { cache: true });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => `${e.line}:${e.column}: ${e.reason}`)).toEqual([
        '2:13: "stylesheet" names a file `styles/site.css` that is not in the garden',
      ]);
  });

  it('holds the defaults of a garden without a file', async () => {
    const root = makeGarden({ 'Home.md': '# Home\n' });
    const cold = configOf(await loadConfig(root, {}, { cache: false }));
    expect(configOf(await loadConfig(root, {}, { cache: true }))).toEqual(cold);
    expect(readValidated(root, validatedKey(undefined))).toBeDefined();
    expect(configOf(await loadConfig(root, {}, { cache: true }))).toEqual(cold);
  });
});
