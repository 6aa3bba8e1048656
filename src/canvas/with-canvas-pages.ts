/** Build hook: a garden's canvases join its notes as pages, and stop being attachments copied as raw JSON. */
import type { ScanResult, ScannedNote } from '../scan/index.ts';
import type { AttachmentFile } from '../shared/types.ts';

/** The notes and attachments a build draws: the scan's notes then its canvases; attachments without those canvases. */
export function withCanvasPages(scan: ScanResult): { notes: ScannedNote[]; attachments: AttachmentFile[] } {
  if (scan.canvases.length === 0) return scan;
  const pages = new Set(scan.canvases.map((c) => c.absPath));
  return { notes: [...scan.notes, ...scan.canvases], attachments: scan.attachments.filter((a) => !pages.has(a.absPath)) };
}
