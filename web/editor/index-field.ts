import { StateEffect, StateField } from '@codemirror/state';
import type { EditorIndex } from '../lib/editor-index.ts';

/** Replace the garden index the editor completes and checks links against. */
export const setIndex = StateEffect.define<EditorIndex>();

/** The garden index held in the editor state (empty until the first `setIndex`). */
export const indexField = StateField.define<EditorIndex>({
  create: () => ({ notes: [], attachments: [] }),
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setIndex)) return effect.value;
    return value;
  },
});
