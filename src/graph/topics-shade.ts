/** Colours of subtopics: shades of their topic's colour. */

/** The `n`th shade of a `#rrggbb` colour: alternately lighter and darker, further from it as `n` grows. */
export function shade(hex: string, n: number): string {
  const amount = 0.18 + 0.12 * Math.floor(n / 2);
  const towards = n % 2 === 0 ? 255 : 0;
  const channel = (i: number) => {
    const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
    const mixed = Math.round(v + (towards - v) * Math.min(0.75, amount));
    return mixed.toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}
