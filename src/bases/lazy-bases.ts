/**
 * Bases for the dev server's pages: read and drawn over the garden as it is when a page first
 * needs one (the dev server derives a new view of its garden after every change), with the
 * diagnostics they raise. A garden without bases costs nothing.
 */
import type { Diagnostic } from '../shared/types.ts';
import { prepareBases, type BaseGarden, type BaseRenderer } from './prepare-bases.ts';

/** A renderer that prepares the bases of `garden()` on first use, and their diagnostics. */
export function lazyBases(garden: () => BaseGarden): { render: BaseRenderer; diagnostics(): Diagnostic[] } {
  let prepared: { render: BaseRenderer | undefined; diagnostics: Diagnostic[] } | undefined;
  const prepare = () => {
    if (!prepared) {
      const diagnostics: Diagnostic[] = [];
      prepared = { render: prepareBases(garden(), diagnostics), diagnostics };
    }
    return prepared;
  };
  return {
    render: (id, index, stack) => prepare().render?.(id, index, stack) ?? '',
    diagnostics: () => [...prepare().diagnostics],
  };
}
