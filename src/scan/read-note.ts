/**
 * Read a note's bytes, hash them, decode them as UTF-8 and peek at its
 * frontmatter (publish flag, permalink) so that links can be resolved and
 * URLs known before any note is parsed.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { yamlPackage } from '../load-yaml.ts';
import { ruleIds } from '../constants.ts';
import type { Diagnostic, NotePath } from '../shared/types.ts';
import type { PublishPolicy } from '../config/types.ts';

/** The decoded content of a note. */
export interface NoteContent {
  hash: string;
  size: number;
  mtimeMs: number;
  /** Decoded text; undefined for binary files, and once handed to the compile stage by `takeText`. */
  text?: string;
  publish: boolean;
  permalink?: string;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Read and decode one note; `policy` decides which notes are published (the configuration's `publish`). */
export async function readNote(abs: string, rel: NotePath, policy: PublishPolicy = 'all'): Promise<NoteContent> {
  const [bytes, st] = await Promise.all([fs.readFile(abs), fs.stat(abs)]);
  return decodeNote(bytes, rel, st.mtimeMs, policy);
}

/** Decode bytes already read (pure apart from hashing). */
export function decodeNote(bytes: Uint8Array, rel: NotePath, mtimeMs = 0, policy: PublishPolicy = 'all'): NoteContent {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const base = { hash, size: bytes.byteLength, mtimeMs };
  if (looksBinary(bytes.subarray(0, 8192))) {
    return {
      ...base,
      publish: false,
      diagnostics: [diag(rel, 1, 1, ruleIds.binaryNote, 'This `.md` file is binary (mostly control bytes, not text); skipped')],
    };
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
  // Obsidian opens notes padded with NUL bytes (some sync tools and crashed editors leave them): so do we, without them.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    const count = text.split('\u0000').length - 1;
    diagnostics.push(
      diag(
        rel,
        line,
        nul - before.lastIndexOf('\n'),
        ruleIds.nulBytes,
        `This note contains ${count} NUL byte${count === 1 ? '' : 's'}; ${count === 1 ? 'it is' : 'they are'} left out`,
      ),
    );
    text = text.replaceAll('\u0000', '');
  }
  if (text.trim() === '') diagnostics.push(diag(rel, 1, 1, ruleIds.emptyNote, 'This note is empty'));
  const fm = peekFrontmatter(text, policy);
  return { ...base, text, publish: fm.publish, ...(fm.permalink ? { permalink: fm.permalink } : {}), diagnostics };
}

/**
 * Publish flag and permalink from a leading YAML block; full parsing (with diagnostics) happens
 * in parse. The flag follows `policy`: under `all` a note is published unless it says
 * `publish: false` or `draft: true`; under `explicit` only when it says `publish: true` (or the
 * Digital Garden plugin's `dg-publish: true`) and not `draft: true`.
 */
export function peekFrontmatter(text: string, policy: PublishPolicy = 'all'): { publish: boolean; permalink?: string } {
  const none = { publish: policy === 'all' };
  if (!text.startsWith('---')) return none;
  const firstBreak = text.indexOf('\n');
  if (firstBreak < 0 || text.slice(0, firstBreak).trim() !== '---') return none;
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
  if (end < 0) return none;
  const yaml = text.slice(firstBreak + 1, end);
  // Most frontmatter names none of the keys read here: skip parsing it (parse reads it in full later).
  if (!/publish|draft|permalink/.test(yaml)) return none;
  try {
    // `logLevel: 'error'`: the yaml package would print its warnings to the terminal; parse reports them, positioned.
    const data = yamlPackage().parse(yaml, { maxAliasCount: 100, logLevel: 'error' }) as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') return none;
    const publish =
      policy === 'all' ? !(data.publish === false || data.draft === true) : (data.publish === true || data['dg-publish'] === true) && data.draft !== true;
    const permalink = typeof data.permalink === 'string' ? data.permalink : undefined;
    return { publish, ...(permalink ? { permalink } : {}) };
  } catch {
    return none;
  }
}

/**
 * Whether bytes look like a binary file rather than text. NUL bytes do not count (notes padded
 * with them are text); of the other bytes, more than one in twenty being a control byte other than
 * tab, line breaks, form feed and escape is no text anyone wrote (random data has one in eight).
 */
function looksBinary(head: Uint8Array): boolean {
  let other = 0;
  let control = 0;
  // An indexed loop: run once per changed note, before the JIT has warmed up, an iterator cost ~2 ms a note.
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) continue;
    other++;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control * 20 > other;
}

function diag(file: string, line: number, column: number, ruleId: string, reason: string): Diagnostic {
  return { file, line, column, ruleId, severity: 'warning', reason };
}
