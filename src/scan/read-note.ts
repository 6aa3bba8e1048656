/**
 * Read a note's bytes, hash them, decode them as UTF-8 and peek at its
 * frontmatter (publish flag, permalink) so that links can be resolved and
 * URLs known before any note is parsed.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ruleIds } from '../constants.ts';
import type { Diagnostic, NotePath } from '../shared/types.ts';

/** The decoded content of a note. */
export interface NoteContent {
  hash: string;
  size: number;
  mtimeMs: number;
  /** Decoded text; undefined for binary files. */
  text?: string;
  publish: boolean;
  permalink?: string;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Read and decode one note. */
export async function readNote(abs: string, rel: NotePath): Promise<NoteContent> {
  const [bytes, st] = await Promise.all([fs.readFile(abs), fs.stat(abs)]);
  return decodeNote(bytes, rel, st.mtimeMs);
}

/** Decode bytes already read (pure apart from hashing). */
export function decodeNote(bytes: Uint8Array, rel: NotePath, mtimeMs = 0): NoteContent {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const base = { hash, size: bytes.byteLength, mtimeMs };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return { ...base, publish: false, diagnostics: [diag(rel, 1, 1, ruleIds.binaryNote, 'This `.md` file is binary (it contains NUL bytes); skipped')] };
  }
  const diagnostics: Diagnostic[] = [];
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    diagnostics.push(diag(rel, line, column, ruleIds.invalidEncoding, 'This note is not valid UTF-8; invalid bytes are shown as U+FFFD. Re-save it as UTF-8'));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') diagnostics.push(diag(rel, 1, 1, ruleIds.emptyNote, 'This note is empty'));
  const fm = peekFrontmatter(text);
  return { ...base, text, publish: fm.publish, ...(fm.permalink ? { permalink: fm.permalink } : {}), diagnostics };
}

/** Publish flag and permalink from a leading YAML block; full parsing (with diagnostics) happens in parse. */
export function peekFrontmatter(text: string): { publish: boolean; permalink?: string } {
  if (!text.startsWith('---')) return { publish: true };
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || text.slice(0, firstBreak).trim() !== '---') return { publish: true };
  let end = -1;
  for (let i = firstBreak + 1; i < text.length;) {
    const next = text.indexOf('\n', i);
    const line = text.slice(i, next < 0 ? text.length : next).trim();
    if (line === '---' || line === '...') {
      end = i;
      break;
    }
    if (next < 0) break;
    i = next + 1;
  }
  if (end < 0) return { publish: true };
  const yaml = text.slice(firstBreak + 1, end);
  // Most frontmatter names none of the keys read here: skip parsing it (parse reads it in full later).
  if (!/publish|draft|permalink/.test(yaml)) return { publish: true };
  try {
    const data = parseYaml(yaml, { maxAliasCount: 100 }) as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') return { publish: true };
    const publish = !(data.publish === false || data.draft === true);
    const permalink = typeof data.permalink === 'string' ? data.permalink : undefined;
    return { publish, ...(permalink ? { permalink } : {}) };
  } catch {
    return { publish: true };
  }
}

function diag(file: string, line: number, column: number, ruleId: string, reason: string): Diagnostic {
  return { file, line, column, ruleId, severity: 'warning', reason };
}
