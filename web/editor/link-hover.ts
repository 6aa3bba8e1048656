import type { Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, type Tooltip } from '@codemirror/view';
import type { NoteData } from '../../src/shared/types.ts';
import { findWikiLinks, type WikiLinkSpan } from '../lib/editor-find-links.ts';
import { resolveTarget } from '../lib/editor-resolve-target.ts';
import { withBase } from '../../src/shared/with-base.ts';
import { indexField } from './index-field.ts';
import { notePath } from './note-path.ts';

/** What the hover tooltips need from the page. */
export interface LinkHoverOptions {
  basePath: string;
  /** Create the note an unresolved link target reaches; resolves to its path once it exists, rejects with the reason it cannot. */
  create(target: string): Promise<string>;
}

/**
 * Hovering a wiki-link shows its target: the note's title and first paragraph
 * (from its index.json), an attachment's path, or for an unresolved link a
 * button that creates the note.
 */
export function linkHover(options: LinkHoverOptions): Extension {
  return [
    hoverTooltip((view, pos) => {
      const line = view.state.doc.lineAt(pos);
      const link = findWikiLinks(line.text, line.from).find((l) => l.from <= pos && pos < l.to);
      if (!link || link.target === '') return null;
      return { pos: link.from, end: link.to, above: true, create: () => ({ dom: renderTooltip(view, link, options) }) } satisfies Tooltip;
    }),
    EditorView.baseTheme({
      '.cm-link-preview': { maxWidth: '24rem', padding: '0.5rem 0.75rem', font: '0.875rem/1.45 system-ui, sans-serif' },
      '.cm-link-preview strong': { display: 'block', marginBottom: '0.25rem' },
      '.cm-link-preview p': { margin: '0' },
      '.cm-link-preview button': { marginTop: '0.4rem', font: 'inherit', cursor: 'pointer' },
    }),
  ];
}

function renderTooltip(view: EditorView, link: WikiLinkSpan, options: LinkHoverOptions): HTMLElement {
  const dom = document.createElement('div');
  dom.className = 'cm-link-preview';
  const title = dom.appendChild(document.createElement('strong'));
  const body = dom.appendChild(document.createElement('p'));
  const match = resolveTarget(link.target, view.state.field(indexField), view.state.facet(notePath)());
  switch (match.kind) {
    case 'note': {
      title.textContent = match.note.title;
      const url = match.note.url;
      if (url === null) {
        body.textContent = `${match.note.path} is not published.`;
        break;
      }
      body.textContent = '…';
      void loadFirstParagraph(withBase(options.basePath, url)).then((text) => (body.textContent = text));
      break;
    }
    case 'attachment':
      title.textContent = match.path;
      body.textContent = 'Attachment';
      break;
    case 'missing': {
      title.textContent = `No note “${link.target}”`;
      body.textContent = 'Nothing in the garden has this name or path.';
      const button = dom.appendChild(document.createElement('button'));
      button.type = 'button';
      button.textContent = `Create “${link.target}”`;
      button.addEventListener('click', () => {
        button.disabled = true;
        options.create(link.target).then(
          (path) => (body.textContent = `Created ${path}.`),
          (error: Error) => (body.textContent = `Could not create it: ${error.message}`),
        );
      });
      break;
    }
  }
  return dom;
}

async function loadFirstParagraph(pagePath: string): Promise<string> {
  try {
    const response = await fetch(pagePath + 'index.json', { cache: 'no-store' });
    if (!response.ok) return 'No preview.';
    const note = (await response.json()) as NoteData;
    const doc = new DOMParser().parseFromString(note.html, 'text/html');
    const paragraph = [...doc.querySelectorAll('p')].map((p) => p.textContent?.trim() ?? '').find((t) => t !== '');
    return paragraph ?? 'This note is empty.';
  } catch {
    return 'No preview.';
  }
}
