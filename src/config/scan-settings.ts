/** The part of a configuration the scan stage needs: what to leave out, what to publish, the home note. */
import type { ScanSettings } from '../scan/index.ts';
import { buildIgnoreMatcher } from './ignore-matcher.ts';
import type { SiteConfig } from './types.ts';

/** Scan settings of `config`. */
export function toScanSettings(config: SiteConfig): ScanSettings {
  return {
    ignored: buildIgnoreMatcher(config),
    publish: config.publish,
    ...(config.home ? { home: config.home } : {}),
  };
}
