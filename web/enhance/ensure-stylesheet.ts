/** Link a stylesheet into the document head unless a link to it is already there. */
export function ensureStylesheet(href: string): void {
  const url = new URL(href, location.href).href;
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')) if (link.href === url) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}
