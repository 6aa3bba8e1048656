/**
 * Vitest global setup: the browser tests drive Debian's Chromium. When none is
 * found (`$CHROMIUM_PATH`, else /usr/bin/chromium), install it with apt-get if
 * this process may (root, apt-get present), saying so; otherwise stop at once
 * with the one command to run. Playwright's own browser download does not work
 * on these machines, so that is never tried.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../browser/launch-chromium.ts';

const installCommand = 'apt-get update && apt-get install -y chromium';
const sudoCommand = 'sudo apt-get update && sudo apt-get install -y chromium';

/** Make sure Chromium is there before any test runs. */
export default function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
    throw new Error(`Chromium not found at ${chromiumPath}; the browser tests need it. Install it with \`${sudoCommand}\` (or set CHROMIUM_PATH).`);
  }
  process.stdout.write(`Chromium not found at ${chromiumPath}: installing Debian's chromium (${installCommand})...\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!existsSync(chromiumPath)) throw new Error(`apt-get installed chromium, but ${chromiumPath} is still missing: set CHROMIUM_PATH.`);
  process.stdout.write('Chromium installed.\n');
}
