/**
 * The configured theme as CSS custom properties in a `<style>` element. Values
 * were validated when the configuration was loaded; they are checked again
 * here, and any that would not be a plain colour or font list is dropped, so
 * nothing can end the declaration, the rule or the element. Selectors are one
 * step more specific than the stylesheet's tokens (`html:root`), so they win in
 * the built site and in the dev server (which injects its styles after the page's).
 */
import { isCssColour, isFontFamilyList } from '../css-values.ts';
import type { SiteTheme } from '../types.ts';

/** A `<style>` element setting the accent colours and fonts of `theme`, or '' when it sets none. */
export function renderThemeStyle(theme: SiteTheme | undefined): string {
  if (!theme) return '';
  const accent = theme.accent && isCssColour(theme.accent) ? theme.accent.trim() : undefined;
  const dark = theme.accentDark && isCssColour(theme.accentDark) ? theme.accentDark.trim() : accent;
  const fonts = Object.entries({ body: theme.fonts?.body, ui: theme.fonts?.ui, mono: theme.fonts?.mono })
    .filter((e): e is [string, string] => typeof e[1] === 'string' && isFontFamilyList(e[1]))
    // The emoji fonts stay last, as in the default lists.
    .map(([name, list]) => `--font-${name}:${list.trim()},var(--font-emoji);`)
    .join('');
  const rules: string[] = [];
  if (fonts || accent) rules.push(`html:root{${fonts}${accent ? accentVars(accent) : ''}}`);
  if (dark) {
    rules.push(`@media (prefers-color-scheme: dark){html:root:not([data-theme='light']){${accentVars(dark)}}}`);
    rules.push(`html:root[data-theme='dark']{${accentVars(dark)}}`);
  }
  return rules.length ? `<style data-trellis-theme>${rules.join('')}</style>` : '';
}

/** The accent and the tints derived from it (the stylesheet's defaults use 10 % and 35 % of the accent). */
function accentVars(colour: string): string {
  return `--accent:${colour};--accent-soft:color-mix(in srgb,${colour} 10%,transparent);--link-line:color-mix(in srgb,${colour} 35%,transparent);`;
}
