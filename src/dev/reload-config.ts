/**
 * `trellis dev` follows its configuration: when `trellis.config.yaml` (or
 * Obsidian's `.obsidian/app.json`) changes, it is loaded again. A bad file is
 * reported with its positioned errors and the server goes on with the
 * configuration it had; a good one replaces it.
 */
import { configFileNames } from '../config/find-config-file.ts';
import { formatConfigError } from '../config/format-config-error.ts';
import { loadConfig } from '../config/load-config.ts';
import { obsidianAppFile } from '../config/read-obsidian-ignore.ts';
import type { ConfigOverrides, SiteConfig } from '../config/types.ts';
import { formatDiagnostic } from '../format.ts';

/** Whether a garden-relative path is one the configuration is read from. */
export function isConfigPath(rel: string): boolean {
  return (configFileNames as readonly string[]).includes(rel) || rel === obsidianAppFile;
}

/** What a reload found: the new configuration, and whether it changes which notes there are and what is published (a new scan). */
export interface Reloaded {
  config: SiteConfig;
  rescan: boolean;
}

/** Load the configuration of the garden at `root` again; undefined (its errors logged) when it is bad. */
export async function reloadConfig(root: string, overrides: ConfigOverrides, previous: SiteConfig, log: (line: string) => void): Promise<Reloaded | undefined> {
  const result = await loadConfig(root, overrides);
  for (const w of result.warnings) log(formatDiagnostic(root, w));
  if (!result.ok) {
    for (const e of result.errors) log(formatConfigError(root, e));
    log('trellis: the configuration has errors; still serving with the previous one');
    return undefined;
  }
  return { config: result.config, rescan: scanKey(result.config) !== scanKey(previous) };
}

/** The settings that decide what the scan finds and publishes, and the topics (computed when the garden is built). */
function scanKey(c: SiteConfig): string {
  return JSON.stringify([c.ignore, c.obsidianIgnore, c.publish, c.home ?? null, c.dates, c.topics]);
}
