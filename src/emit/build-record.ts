/**
 * The build record, `dist/.trellis-build.json`: the fingerprint of everything a
 * site was built from (code, notes, attachments, app, site settings), with its
 * link report and diagnostics. A rebuild whose inputs have the same
 * fingerprint has nothing to do: the CLI prints the recorded summary instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScanResult } from '../scan/index.ts';
import type { AppAssets, CheckReport, Diagnostic, SiteInfo } from '../types.ts';
import { codeFingerprint } from '../version.ts';

/** File name of the record inside the output folder. */
export const buildRecordFile = '.trellis-build.json';

/** What the record holds. */
export interface BuildRecord {
  fingerprint: string;
  report: CheckReport;
  diagnostics: Diagnostic[];
}

/** Fingerprint of a build's inputs. */
export function buildFingerprint(scan: ScanResult, site: SiteInfo, assets: AppAssets | undefined): string {
  const h = createHash('sha256').update(codeFingerprint()).update(JSON.stringify(site)).update(JSON.stringify(assets ?? null));
  for (const n of scan.notes) h.update(`${n.path}\u0001${n.hash}\u0001${n.git?.created ?? ''}\u0001${n.git?.updated ?? ''}\u0000`);
  for (const a of scan.attachments) h.update(`${a.path}\u0001${a.size}\u0001${a.mtimeMs ?? 0}\u0000`);
  return h.digest('hex');
}

/** The record of the site in `out`, if any. */
export function readBuildRecord(out: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(path.join(out, buildRecordFile), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
}
