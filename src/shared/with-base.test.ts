import { describe, expect, it } from 'vitest';
import { withBase } from './with-base.ts';

describe('withBase', () => {
  it('keeps paths as they are at the domain root', () => {
    expect(withBase('/', '/a/b/')).toBe('/a/b/');
    expect(withBase('/', '/')).toBe('/');
  });

  it('prefixes the base path of a site in a subfolder', () => {
    expect(withBase('/garden/', '/a/b/')).toBe('/garden/a/b/');
    expect(withBase('/garden/', '/')).toBe('/garden/');
    expect(withBase('/garden', '/_app/main.js')).toBe('/garden/_app/main.js');
  });
});
