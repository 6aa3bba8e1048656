/** One fixture site served on loopback and one Chromium for a browser test file, started before and closed after its tests. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildFixtureSite } from './build-fixture-site.ts';
import { launchChromium } from './launch-chromium.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** The running session; its fields are set once `beforeAll` has run. */
export interface FixtureSession {
  browser: Browser;
  server: StaticServer;
}

/** Register the hooks that build fixture site `name`, serve it and launch Chromium. */
export function useFixtureSite(name: string): FixtureSession {
  const session = {} as FixtureSession;
  beforeAll(async () => {
    const site = await buildFixtureSite(name);
    session.server = await startStaticServer(site.dir);
    session.browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
