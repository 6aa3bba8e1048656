import type { ReactiveController } from 'lit';
import type { NoteData } from '../../src/shared/types.ts';
import type { GardenApp } from '../components/garden-app.ts';
import { classifyLink } from '../lib/classify-link.ts';
import type { Box } from '../lib/place-popover.ts';
import { maxPreviewLevel, previewKeepLevel } from '../lib/preview-keep-level.ts';

/** One open hover preview. */
export interface PreviewState {
  key: number;
  /** 1 for a preview of a page link, 2 for a preview opened from inside a preview. */
  level: number;
  source: HTMLAnchorElement;
  note: NoteData;
  /** Fragment of the link (`#heading`), shown at the top of the preview. */
  hash: string;
  /** Where the link was on screen when the preview opened. */
  box: Box;
}

const openDelay = 350;
const closeDelay = 300;
/** Links in these places get previews (the properties panel too, as in Obsidian); site navigation and the table of contents do not. */
const previewable = '.note-body a[href], .properties a[href], .backlinks a[href], .list-page a[href], garden-preview .preview-body a[href]';

/**
 * Hover and focus previews for `<garden-app>`: after a short delay on an
 * internal link, loads the target's index.json and adds a preview to the
 * host's `previews`; previews stay while the pointer is on them or their link,
 * and nest one level.
 */
export class PreviewController implements ReactiveController {
  readonly #host: GardenApp;
  #seq = 0;
  #pending?: HTMLAnchorElement;
  #openTimer?: ReturnType<typeof setTimeout>;
  #closeTimer?: ReturnType<typeof setTimeout>;

  constructor(host: GardenApp) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerover', this.#handlePointerOver);
    document.addEventListener('pointerout', this.#handlePointerOut);
    document.addEventListener('focusin', this.#handleFocusIn);
    window.addEventListener('scroll', this.#handleScroll, { passive: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerover', this.#handlePointerOver);
    document.removeEventListener('pointerout', this.#handlePointerOut);
    document.removeEventListener('focusin', this.#handleFocusIn);
    window.removeEventListener('scroll', this.#handleScroll);
    this.reset();
  }

  /** Forget pending opens and closes (after all previews were closed). */
  reset(): void {
    clearTimeout(this.#openTimer);
    clearTimeout(this.#closeTimer);
    this.#pending = undefined;
  }

  #consider(target: EventTarget | null): void {
    const element = target instanceof Element ? target : null;
    const link = element?.closest<HTMLAnchorElement>('a[href]') ?? undefined;
    const preview = element?.closest('garden-preview');
    const inside = preview ? preview.level : 0;
    const open = this.#host.previews;
    const keep = previewKeepLevel(open, inside, link);
    clearTimeout(this.#closeTimer);
    if (keep < open.length) this.#closeTimer = setTimeout(() => this.#closeAbove(keep), closeDelay);

    const wanted = link && link.matches(previewable) && inside < maxPreviewLevel && !open.some((p) => p.source === link);
    if (!wanted) {
      if (link !== this.#pending) {
        clearTimeout(this.#openTimer);
        this.#pending = undefined;
      }
      return;
    }
    if (link === this.#pending) return;
    clearTimeout(this.#openTimer);
    this.#pending = link;
    this.#openTimer = setTimeout(() => void this.#open(link, inside + 1), openDelay);
  }

  async #open(link: HTMLAnchorElement, level: number): Promise<void> {
    const url = new URL(link.href, location.href);
    const target = classifyLink(url, new URL(location.href), this.#host.base);
    if (target.kind !== 'page') return;
    const note = await this.#host.store.loadNote(target.path).catch(() => undefined);
    if (!note || this.#pending !== link || !link.isConnected) return;
    this.#pending = undefined;
    const r = link.getBoundingClientRect();
    const state: PreviewState = {
      key: ++this.#seq,
      level,
      source: link,
      note,
      hash: url.hash,
      box: { left: r.left, top: r.top, width: r.width, height: r.height },
    };
    this.#host.previews = [...this.#host.previews.filter((p) => p.level < level), state];
  }

  #closeAbove(level: number): void {
    this.#host.previews = this.#host.previews.filter((p) => p.level <= level);
  }

  readonly #handlePointerOver = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse') this.#consider(e.target);
  };

  readonly #handlePointerOut = (e: PointerEvent): void => {
    if (e.pointerType === 'mouse' && e.relatedTarget === null) this.#consider(null);
  };

  readonly #handleFocusIn = (e: FocusEvent): void => this.#consider(e.target);

  readonly #handleScroll = (): void => {
    if (this.#host.previews.length > 0) this.#host.previews = [];
    this.reset();
  };
}
