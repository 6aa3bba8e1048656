/**
 * Attachments a build publishes: every SVG is cleaned of script (sanitize-svg.ts) and
 * carries its cleaned text; an SVG that is not well-formed XML is left out with a
 * diagnostic at its parse error (a browser would not draw it either). Other files
 * are published as they are.
 */
import { promises as fs } from 'node:fs';
import { ruleIds } from '../constants.ts';
import type { AttachmentFile, Diagnostic } from '../shared/types.ts';
import { svgKey, type KeptSvgs } from './kept-svgs.ts';
import type { SanitizedSvg } from './sanitize-svg.ts';

/** SVGs larger than this are not published: a drawing this size is not one a reader opens. */
export const maxSvgBytes = 20_000_000;

/**
 * The attachments to publish, with SVGs cleaned, and what was left out. With `kept` (a build with its cache), an SVG
 * cleaned by an earlier build is taken from there (kept-svgs.ts), and jsdom is loaded only when some SVG is new.
 */
export async function sanitizeAttachments(
  attachments: readonly AttachmentFile[],
  kept?: KeptSvgs,
): Promise<{ attachments: AttachmentFile[]; diagnostics: Diagnostic[] }> {
  const svgs = attachments.filter((a) => a.path.toLowerCase().endsWith('.svg'));
  if (svgs.length === 0) return { attachments: [...attachments], diagnostics: [] };
  // jsdom is loaded only by gardens that have SVGs, and then once, by the first SVG no earlier build cleaned.
  let sanitizer: ((text: string) => SanitizedSvg) | undefined;
  const clean = async (text: string): Promise<SanitizedSvg> => {
    const key = kept ? svgKey(text) : undefined;
    const known = key !== undefined ? kept!.get(key) : undefined;
    if (known) return known;
    sanitizer ??= (await import('./sanitize-svg.ts')).createSvgSanitizer();
    const result = sanitizer(text);
    if (key !== undefined) kept!.set(key, result);
    return result;
  };
  const diagnostics: Diagnostic[] = [];
  const out: AttachmentFile[] = [];
  for (const a of attachments) {
    if (!a.path.toLowerCase().endsWith('.svg')) {
      out.push(a);
      continue;
    }
    const refuse = (reason: string, line = 1, column = 1) =>
      diagnostics.push({ file: a.path, line, column, ruleId: ruleIds.unsafeAttachment, severity: 'warning', reason });
    if (a.size > maxSvgBytes) {
      refuse(`SVG over ${maxSvgBytes / 1_000_000} MB: not published`);
      continue;
    }
    let text: string;
    try {
      text = await fs.readFile(a.absPath, 'utf8');
    } catch (error) {
      refuse(`Cannot read: ${(error as Error).message}`);
      continue;
    }
    const result = await clean(text);
    if ('error' in result) {
      refuse(`SVG is not well-formed XML (${result.error.message}): not published`, result.error.line, result.error.column);
      continue;
    }
    out.push({ ...a, sanitized: result.svg });
  }
  kept?.save();
  return { attachments: out, diagnostics };
}
