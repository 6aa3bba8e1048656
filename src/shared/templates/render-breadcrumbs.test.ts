import { describe, expect, it } from 'vitest';
import type { NotePath } from '../types.ts';
import { renderBreadcrumbs } from './render-breadcrumbs.ts';

describe('renderBreadcrumbs', () => {
  it('links every folder of the path to its folder page', () => {
    expect(renderBreadcrumbs('Distributed Systems/Consensus/Raft.md' as NotePath, '/')).toBe(
      '<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>' +
        '<li><a href="/">Home</a></li>' +
        '<li><a href="/distributed-systems/">Distributed Systems</a></li>' +
        '<li><a href="/distributed-systems/consensus/">Consensus</a></li>' +
        '</ol></nav>',
    );
  });

  it('respects the base path', () => {
    expect(renderBreadcrumbs('A/B.md' as NotePath, '/garden/')).toContain('<li><a href="/garden/a/">A</a></li>');
  });

  it('is empty for a note at the root', () => {
    expect(renderBreadcrumbs('Raft.md' as NotePath, '/')).toBe('');
  });
});
