import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-to-text.js';

describe('htmlToText', () => {
  it('keeps paragraphs as blank-line separated text and drops inline markup', () => {
    expect(htmlToText('<p>Single-origin <strong>Ethiopian</strong> beans.</p><p>Roasted weekly.</p>')).toBe(
      'Single-origin Ethiopian beans.\n\nRoasted weekly.',
    );
  });

  it('turns line breaks into newlines and list items into dashes', () => {
    expect(htmlToText('Notes:<br>jasmine<br/>peach<ul><li>250 g</li><li>1 kg</li></ul>')).toBe(
      'Notes:\njasmine\npeach\n\n- 250 g\n- 1 kg',
    );
  });

  it('decodes named and numeric entities after removing tags, so escaped markup stays text', () => {
    expect(htmlToText('<p>Tea &amp; Co &lt;b&gt; &#8212; 90&deg;C&nbsp;water &#x2615;</p>')).toBe(
      'Tea & Co <b> — 90°C water ☕',
    );
  });

  it('treats line breaks in markup as spaces but keeps them in plain text', () => {
    expect(htmlToText('<p>Brew at\n85°C</p>')).toBe('Brew at 85°C');
    expect(htmlToText('Line one\nLine two\n\nNext paragraph')).toBe('Line one\nLine two\n\nNext paragraph');
  });

  it('drops scripts, styles and comments entirely', () => {
    expect(htmlToText('<style>p{}</style><!-- hidden --><p>Kettle</p><script>alert(1)</script>')).toBe(
      'Kettle',
    );
  });

  it('leaves unknown entities as they are', () => {
    expect(decodeEntities('&bogus; &#0;')).toBe('&bogus; &#0;');
  });

  it('never leaves a tag or surrounding whitespace in its output', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('<p>', '</p>', '<br>', 'tea', ' ', '\n', '<b>', '</b>', '&amp;')),
        (parts) => {
          const text = htmlToText(parts.join(''));
          expect(text).not.toMatch(/<\/?(p|b|br)>/);
          expect(text).toBe(text.trim());
        },
      ),
    );
  });
});
