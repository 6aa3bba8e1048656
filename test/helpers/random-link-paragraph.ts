/** One paragraph of a random note for the property tests: links of every form to a random note, and a mention. */
export function randomLinkParagraph(pick: <T>(xs: readonly T[]) => T, names: readonly string[], i: number, withBlock: boolean): string {
  const target = pick(names);
  const forms = [
    `[[${target}]]`,
    `[[${target}|text]]`,
    `[[${target}#Section one]]`,
    `![[${target}#Section one]]`,
    `![[${target}]]`,
    `[[ds/${target}]]`,
    `[[${target}#^blk]]`,
    `![[pic.png]]`,
    `[[Nowhere ${i}]]`,
  ];
  return `Paragraph ${i} links ${pick(forms)} and ${pick(forms)}, and mentions ${pick(names)} in passing. ${withBlock ? '^blk' : ''}`;
}
