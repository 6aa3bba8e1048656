import { describe, expect, it } from 'vitest';
import { dropTitleHeading } from './drop-title-heading.ts';

describe('dropTitleHeading', () => {
  it('drops a leading h1 that repeats the title, keeping its id as an anchor', () => {
    expect(dropTitleHeading('<h1 id="dates">Dates</h1>\n<p>Body</p>', 'Dates')).toBe('<span id="dates"></span>\n<p>Body</p>');
  });

  it('compares text without markup, entities or case', () => {
    expect(dropTitleHeading('<h1><em>Tom</em> &amp; Jerry</h1><p>x</p>', 'tom & jerry')).toBe('<p>x</p>');
  });

  it('keeps a different or later h1', () => {
    expect(dropTitleHeading('<h1 id="intro">Introduction</h1>', 'Dates')).toBe('<h1 id="intro">Introduction</h1>');
    expect(dropTitleHeading('<p>Lead</p><h1>Dates</h1>', 'Dates')).toBe('<p>Lead</p><h1>Dates</h1>');
  });
});
