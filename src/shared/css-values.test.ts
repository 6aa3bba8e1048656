import { describe, expect, it } from 'vitest';
import { isCssColour, isFontFamilyList } from './css-values.ts';

describe('CSS values from the configuration', () => {
  it('accepts colours in hex, by name and in the colour functions', () => {
    for (const c of [
      '#2e6c5b',
      '#abc',
      '#aabbccdd',
      'RebeccaPurple',
      'rgb(46 108 91)',
      'rgba(46, 108, 91, 0.5)',
      'hsl(160deg 40% 30% / 80%)',
      'oklch(55% 0.12 170)',
    ])
      expect(isCssColour(c), c).toBe(true);
  });

  it('refuses anything that could end the declaration, the rule or the style element', () => {
    for (const c of [
      'red;',
      'red} body{display:none',
      '#2e6c5b</style><script>alert(1)</script>',
      'rgb(1,2,3);x:y',
      'url(x)',
      'var(--x)',
      'rgb(calc(1))',
      'notacolour',
      '#12345',
      '',
    ])
      expect(isCssColour(c), c).toBe(false);
  });

  it('accepts font-family lists and refuses escapes out of them', () => {
    expect(isFontFamilyList('Inter, "Helvetica Neue", sans-serif')).toBe(true);
    expect(isFontFamilyList("'Iowan Old Style', Georgia, serif")).toBe(true);
    for (const f of ['Inter; color: red', 'x</style>', '"a\\"b"', '"unclosed', 'Inter,', 'a{b}', '"x"y']) expect(isFontFamilyList(f), f).toBe(false);
  });
});
