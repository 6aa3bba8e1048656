/** Site-wide facts derived from the garden folder. */
import path from 'node:path';
import type { SiteInfo } from './shared/types.ts';

/** The site facts for a garden: its folder name as title (`Trellis garden` for the default `garden/`). */
export function siteInfo(garden: string): SiteInfo {
  const name = path.basename(path.resolve(garden));
  return { title: name === 'garden' ? 'Trellis garden' : name, basePath: '/' };
}
