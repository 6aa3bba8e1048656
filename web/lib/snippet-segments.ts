/** A run of snippet text, marked when it matched the query. */
export interface SnippetSegment {
  text: string;
  mark: boolean;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Split a search snippet (HTML whose only markup is `<mark>`) into plain text
 * segments, so it can be shown with text bindings and never as HTML. Any other
 * tag is dropped; entities are decoded.
 */
export function snippetSegments(html: string): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let mark = false;
  for (const part of html.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) {
      if (/^<mark\b[^>]*>$/i.test(part)) mark = true;
      else if (/^<\/mark\s*>$/i.test(part)) mark = false;
      continue;
    }
    if (part === '') continue;
    const text = decodeEntities(part);
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[body.toLowerCase()] ?? whole;
  });
}
