import { describe, expect, it } from 'vitest';
import { renderThemeStyle } from './render-theme-style.ts';

describe('renderThemeStyle', () => {
  it('sets nothing without a theme', () => {
    expect(renderThemeStyle(undefined)).toBe('');
    expect(renderThemeStyle({})).toBe('');
  });

  it('sets the accent (and its tints) for both themes, and fonts before the emoji fonts', () => {
    expect(renderThemeStyle({ accent: '#aa3300', accentDark: '#ffaa88', fonts: { body: 'Inter, sans-serif' } })).toBe(
      '<style data-trellis-theme>' +
        'html:root{--font-body:Inter, sans-serif,var(--font-emoji);--accent:#aa3300;--accent-soft:color-mix(in srgb,#aa3300 10%,transparent);--link-line:color-mix(in srgb,#aa3300 35%,transparent);}' +
        "@media (prefers-color-scheme: dark){html:root:not([data-theme='light']){--accent:#ffaa88;--accent-soft:color-mix(in srgb,#ffaa88 10%,transparent);--link-line:color-mix(in srgb,#ffaa88 35%,transparent);}}" +
        "html:root[data-theme='dark']{--accent:#ffaa88;--accent-soft:color-mix(in srgb,#ffaa88 10%,transparent);--link-line:color-mix(in srgb,#ffaa88 35%,transparent);}" +
        '</style>',
    );
  });

  it('drops values that are not plain colours or font lists, whoever built the site info', () => {
    const html = renderThemeStyle({ accent: 'red;}</style><script>alert(1)</script>', fonts: { ui: 'x;}body{display:none' } });
    expect(html).toBe('');
  });
});
