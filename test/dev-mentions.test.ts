/**
 * Unlinked mentions in `trellis dev`: the author sees every one, even those readers do not get
 * (a one-word title written as an ordinary word) and even with `features.unlinkedMentions: false`,
 * while the built site leaves them out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import type { NoteData } from '../src/shared/types.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden } from './helpers/garden.ts';

let dev: DevServer;

beforeAll(async () => {
  const garden = makeGarden({
    'trellis.config.yaml': 'features: { unlinkedMentions: false }\n',
    'Preferences.md': '# Preferences\n\nWhere options live.\n',
    'Lower.md': '# Lower\n\nOpen the preferences to change the theme.\n',
    'Upper.md': '# Upper\n\nThe Preferences pane lists every plugin.\n',
  });
  dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

describe('unlinked mentions in trellis dev', () => {
  it('keeps every mention for the author, whatever readers get', async () => {
    const data = (await (await fetch(dev.url + 'preferences/index.json')).json()) as NoteData;
    expect(data.unlinkedMentions.map((m) => m.title).sort()).toEqual(['Lower', 'Upper']);
    const page = await (await fetch(dev.url + 'preferences/')).text();
    expect(page).toContain('aria-label="Unlinked mentions"');
    expect(page).toContain('<span class="count">2</span>');
  });
});
