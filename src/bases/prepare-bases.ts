/**
 * Bases of a built garden (src/bases/). A base lists other notes' properties, so it is evaluated
 * once the whole garden is compiled and resolved, never in a compile worker (whose results are
 * cached by each note's own content). For every published base (```` ```base ```` blocks and
 * `.base` pages), the YAML is read once, its problems reported at `file:line:column`, and each
 * view drawn for the note that holds it; the assembler fills the `base` placeholders the compile
 * stage left with `render`. A base that reads `this` is drawn again for each note embedding it.
 */
import type { UrlOf } from '../assemble/link-html.ts';
import { indexLines } from '../canvas/source-points.ts';
import { ruleIds } from '../constants.ts';
import type { LinkIndex } from '../shared/links/link-index.ts';
import type { BaseBlock, Diagnostic, NoteId, ParsedNote, Slug } from '../shared/types.ts';
import { isBasePath } from './base-path.ts';
import { buildRows, type RowSources } from './build-rows.ts';
import { linkResolver } from './link-resolver.ts';
import { parseBase } from './parse-base.ts';
import { renderNotices } from './render-notices.ts';
import { renderView } from './render-view.ts';
import type { BaseSpec, Problem, Row } from './types.ts';
import { viewHeadings } from './view-headings.ts';

/** The HTML of placeholder `index` of note `id`, seen through the embed `stack` (the assembler's: the page first). */
export type BaseRenderer = (id: NoteId, index: number, stack: readonly string[]) => string;

/** The garden a base is evaluated over. */
export interface BaseGarden extends RowSources {
  index: LinkIndex;
  /** The build's time, for `now()` and `today()`. */
  now: number;
}

interface Prepared {
  host: ParsedNote;
  block: BaseBlock;
  spec: BaseSpec;
}

/** Read the garden's bases, push their diagnostics, and return their renderer (undefined when no note has one). */
export function prepareBases(garden: BaseGarden, diagnostics: Diagnostic[]): BaseRenderer | undefined {
  const hosts = garden.notes.filter((n) => n.bases && n.bases.length > 0);
  if (hosts.length === 0) return undefined;
  const rows = buildRows(garden);
  const urlOf: UrlOf = (id) => rows.byNote(id)?.href as Slug | undefined;
  const prepared = new Map<string, Prepared>();
  for (const host of hosts) {
    host.bases!.forEach((block, i) => {
      const spec = parseBase(block.yaml);
      // Every base is checked, as every link is; only published notes' bases are drawn.
      if (rows.byNote(host.id)) prepared.set(`${host.id}\u0000${i}`, { host, block, spec });
      for (const p of spec.problems) diagnostics.push(diagnostic(host, block, p));
      for (const v of spec.views) for (const p of v.problems) diagnostics.push(diagnostic(host, block, p));
    });
  }

  const cache = new Map<string, string>();
  /** View `v` of `p` for the note `self`, with the base's own notices or not; drawn once for each. */
  const drawView = (p: Prepared, v: number, self: Row | undefined, baseNotices: boolean, report: boolean): string => {
    const key = [p.host.id, p.block.line, v, baseNotices, p.spec.usesThis ? (self?.key ?? '') : ''].join('\u0000');
    const known = cache.get(key);
    if (known !== undefined) return known;
    const view = p.spec.views[v]!;
    const resolve = linkResolver(garden.index, p.host.id, rows);
    const headingId = isBasePath(p.host.path) ? viewHeadings(p.spec.views)[v]!.id : undefined;
    const input = { spec: p.spec, view, rows, self, resolve, now: garden.now, urlOf, baseNotices };
    const { html, errors } = drawSafely(() => renderView(headingId !== undefined ? { ...input, headingId } : input), view.name);
    if (report && errors.length > 0) {
      const reason = `Some values of the view \`${view.name}\` could not be computed: ${errors.join('; ')}`;
      diagnostics.push(diagnostic(p.host, p.block, { kind: 'invalid', message: reason, at: view.at }));
    }
    cache.set(key, html);
    return html;
  };
  const baseNotices = (p: Prepared) => renderNotices(p.spec.problems.map((x) => x.message));
  const block = (p: Prepared, host: Row) =>
    `<div class="base">${baseNotices(p)}${p.spec.views.map((_v, i) => drawView(p, i, host, false, false)).join('')}</div>`;

  // Each base is drawn once now, for the note that holds it, so the build reports values it cannot compute.
  for (const p of prepared.values()) {
    const page = isBasePath(p.host.path);
    p.spec.views.forEach((_v, i) => drawView(p, i, rows.byNote(p.host.id), page && i === 0, true));
  }

  return (id, index, stack) => {
    const host = rows.byNote(id);
    const page = host !== undefined && isBasePath(host.path);
    const p = prepared.get(`${id}\u0000${page ? 0 : index}`);
    if (!p || !host) return '';
    if (!page) return block(p, host);
    if (p.spec.views.length === 0) return `<section class="base-view">${baseNotices(p)}</section>`;
    // A `.base` page embedded whole shows its first view, as in Obsidian; `this` is the note embedding it.
    const embedded = stack.length > 1;
    if (embedded && stack[stack.length - 1] === id && index > 0) return '';
    const self = embedded ? (embedder(stack[stack.length - 2]!, rows.byNote) ?? host) : host;
    return drawView(p, index, self, embedded || index === 0, false);
  };
}

/** A view drawn, or, when drawing it fails (a bug, not content), a notice that says so: a base never stops the build. */
function drawSafely(draw: () => { html: string; errors: string[] }, name: string): { html: string; errors: string[] } {
  try {
    return draw();
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message = `The view \`${name}\` could not be drawn (${reason.slice(0, 200)})`;
    return { html: `<section class="base-view">${renderNotices([message])}</section>`, errors: [message] };
  }
}

/** The note of an embed-stack entry (`id`, or `id#anchor` for a section). */
function embedder(entry: string, byNote: (id: string) => Row | undefined): Row | undefined {
  return byNote(entry) ?? byNote(entry.slice(0, entry.lastIndexOf('#')));
}

/** A problem of `block` as a diagnostic of its file, at its line and column there. */
function diagnostic(host: ParsedNote, block: BaseBlock, p: Problem): Diagnostic {
  const point = indexLines(block.yaml).pointAt(p.at);
  return {
    file: host.path,
    line: block.line + point.line - 1,
    column: block.column + point.column - 1,
    ruleId: p.kind === 'unsupported' ? ruleIds.unsupportedBase : ruleIds.invalidBase,
    severity: 'warning',
    reason: p.message,
  };
}
