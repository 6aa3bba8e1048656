/**
 * Files a browser runs as documents with script: HTML and XML (an XML file can carry
 * XHTML `<script>` or an XSLT stylesheet), web archives, and compressed SVG (which
 * the build cannot clean like plain SVG). A published copy would run its script on
 * the site's own origin, so the scan leaves them out; Obsidian does not open them
 * either. Plain `.svg` files are published cleaned instead (sanitize-attachments.ts).
 */
const activeExtensions = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml', 'xml', 'xsl', 'xslt', 'mht', 'mhtml', 'svgz', 'hta']);

/** Whether the file at vault path `rel` is active content that the site must not publish. */
export function isActiveContent(rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 && activeExtensions.has(name.slice(dot + 1).toLowerCase());
}
