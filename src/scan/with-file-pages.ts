/** Build hook: a garden's canvases and bases join its notes as pages, and stop being attachments copied as raw files. */
import type { ScanResult, ScannedNote } from './index.ts';
import type { AttachmentFile } from '../shared/types.ts';

/** The notes and attachments a build draws: the scan's notes then its canvases and bases; attachments without those files. */
export function withFilePages(scan: ScanResult): { notes: ScannedNote[]; attachments: AttachmentFile[] } {
  const extra = [...scan.canvases, ...scan.bases];
  if (extra.length === 0) return scan;
  const pages = new Set(extra.map((c) => c.absPath));
  return { notes: [...scan.notes, ...extra], attachments: scan.attachments.filter((a) => !pages.has(a.absPath)) };
}
