import { describe, expect, it } from 'vitest';
import { toHitUrl } from './to-hit-url.ts';

describe('toHitUrl', () => {
  it('opens the note, at the heading for heading hits', () => {
    expect(toHitUrl({ url: '/raft/' }, '/')).toBe('/raft/');
    expect(toHitUrl({ url: '/raft/', heading: { text: 'Log replication', id: 'log-replication' } }, '/')).toBe('/raft/#log-replication');
  });

  it('adds the base path once and encodes the anchor', () => {
    expect(toHitUrl({ url: '/raft/', heading: { text: 'Café', id: 'café' } }, '/garden/')).toBe('/garden/raft/#caf%C3%A9');
    expect(toHitUrl({ url: '/garden/raft/' }, '/garden/')).toBe('/garden/raft/');
  });
});
