/**
 * The JSON Schema editors complete `trellis.config.yaml` with is generated from
 * the schema Trellis validates with, so the two never drift: this test fails
 * when they differ (`UPDATE=1` rewrites the file), and checks the example
 * garden's configuration against both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parse } from 'yaml';
import { configSchema } from '../src/config/schema.ts';
import { loadConfig } from '../src/config/load-config.ts';

const schemaFile = path.resolve(import.meta.dirname, '../docs/trellis.config.schema.json');
const garden = path.resolve(import.meta.dirname, '../garden');

describe('configuration JSON Schema', () => {
  it('is the one generated from the validating schema', () => {
    const generated = JSON.stringify(z.toJSONSchema(configSchema, { io: 'input' }), null, 2) + '\n';
    if (process.env.UPDATE) writeFileSync(schemaFile, generated);
    expect(readFileSync(schemaFile, 'utf8')).toBe(generated);
  });

  it('lists every option, forbids others, and gives the defaults editors show', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        'author',
        'dates',
        'description',
        'favicon',
        'features',
        'feed',
        'home',
        'ignore',
        'language',
        'logo',
        'nav',
        'publish',
        'stylesheet',
        'theme',
        'title',
        'topics',
        'url',
      ].sort(),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.publish).toMatchObject({ enum: ['all', 'explicit'], default: 'all' });
    expect(schema.properties.features.properties.localGraphOpen.default).toBe(true);
    for (const [name, option] of Object.entries<{ description?: string }>(schema.properties)) expect(option.description, name).toBeTruthy();
  });

  it("accepts the example garden's configuration, which points editors at the schema", async () => {
    const text = readFileSync(path.join(garden, 'trellis.config.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../docs/trellis.config.schema.json');
    expect(configSchema.safeParse(parse(text)).success).toBe(true);
    const loaded = await loadConfig(garden);
    expect(loaded.ok && loaded.config.file).toBe('trellis.config.yaml');
  });
});
