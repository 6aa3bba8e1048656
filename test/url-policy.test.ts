/** The URL allow-list (src/render/url-policy.ts), read the way a browser reads a URL's scheme. */
import { describe, expect, it } from 'vitest';
import { isAllowedUrl, urlScheme } from '../src/compile/render/url-policy.ts';

describe('url policy', () => {
  it('finds the scheme a browser would, through case, controls, spaces, tabs and newlines', () => {
    expect(urlScheme('JaVaScRiPt:alert(1)')).toBe('javascript');
    expect(urlScheme(' \u0001javascript:alert(1)')).toBe('javascript');
    expect(urlScheme('java\tscr\nipt:alert(1)')).toBe('javascript');
    expect(urlScheme('https://example.org/')).toBe('https');
    expect(urlScheme('/notes/a/')).toBeUndefined();
    expect(urlScheme('#heading')).toBeUndefined();
    expect(urlScheme('a/b:c')).toBeUndefined();
    expect(urlScheme('%20javascript:alert(1)')).toBeUndefined();
  });

  it('allows web, mail, phone and Obsidian links and relative URLs, and nothing else', () => {
    for (const ok of ['https://example.org/', 'http://x', 'mailto:a@b.c', 'tel:+1', 'obsidian://open?vault=v', '../a/', '#x', '?q=1', 'a.png']) {
      expect(isAllowedUrl(ok, 'link'), ok).toBe(true);
    }
    for (const bad of ['javascript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd', ' JAVASCRIPT:x', 'blob:https://a/b']) {
      expect(isAllowedUrl(bad, 'link'), bad).toBe(false);
    }
  });

  it('allows only web and relative URLs for media: no data:, no obsidian:', () => {
    expect(isAllowedUrl('https://example.org/a.png', 'media')).toBe(true);
    expect(isAllowedUrl('pic.png', 'media')).toBe(true);
    expect(isAllowedUrl('data:image/svg+xml,<svg onload=alert(1)>', 'media')).toBe(false);
    expect(isAllowedUrl('obsidian://x', 'media')).toBe(false);
    expect(isAllowedUrl('javascript:alert(1)', 'media')).toBe(false);
  });
});
