/**
 * The properties panel in `trellis dev`: pages and note data served from the in-memory garden
 * carry it, and a property link to a note that does not exist yet becomes a link once the note
 * is created, as body links do.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../src/dev/index.ts';
import type { NoteData } from '../src/shared/types.ts';
import { freePort } from './helpers/free-port.ts';
import { makeGarden } from './helpers/garden.ts';

let dev: DevServer;
let garden: string;

beforeAll(async () => {
  garden = makeGarden({ 'A.md': '---\nup: "[[Later]]"\nrating: 3\n---\nA.' });
  dev = await startDev({ garden, port: await freePort(), quiet: true, settleMs: 300 });
}, 120_000);

afterAll(async () => {
  await dev?.close();
});

const panel = async (): Promise<string> => /<details class="properties"[\s\S]*?<\/details>/.exec(await (await fetch(dev.url + 'a/')).text())?.[0] ?? '';
const upRow = (value: string) =>
  `<div class="property" data-property-type="text"><dt class="property-key">up</dt><dd class="property-value">${value}</dd></div>`;

describe('the properties panel in trellis dev', () => {
  it('is served with the page and its data, and follows the garden as notes appear', async () => {
    expect(await panel()).toContain(
      upRow('<a class="internal unresolved" data-unresolved="Later" title="Not written yet: Later" role="link" aria-disabled="true">Later</a>'),
    );
    expect(await panel()).toContain('<dt class="property-key">rating</dt><dd class="property-value"><data value="3">3</data></dd>');
    writeFileSync(path.join(garden, 'Later.md'), 'Later.');
    await expect.poll(panel, { timeout: 20_000 }).toContain(upRow('<a class="internal" href="/later/" data-note="Later">Later</a>'));
    const data = (await (await fetch(dev.url + 'a/index.json')).json()) as NoteData;
    expect(data.properties?.[0]).toEqual({
      key: 'up',
      type: 'text',
      value: [{ kind: 'link', text: 'Later', link: { kind: 'note', id: 'Later', href: '/later/' } }],
    });
  });
});
