import { describe, expect, it } from 'vitest';
import { normalizeText, stripHtml } from './normalize.ts';

describe('normalizeText', () => {
  it('unifies line ends (CRLF, CR) and trims lines', () => {
    expect(normalizeText('a  b \r\nc\rd\n').text).toBe('a b\nc\nd\n');
  });

  it('reads NBSP and other Unicode spaces as spaces; a line of them is blank', () => {
    expect(normalizeText('a\u00a0b\u2009c\n\u00a0\u00a0\u202f\nd').text).toBe('a b c\n\nd');
  });

  it('removes zero-width, bidi-override, NUL and other control characters', () => {
    expect(normalizeText('Ha\u200bnoi\u0000 \u202egnp.exe\u0007\u001b[31m\ufeff').text).toBe('Hanoi gnp.exe[31m');
  });

  it('normalises to NFC', () => {
    expect(normalizeText('Comite\u0301 central').text).toBe('Comité central');
  });

  it('decodes entities once: the result is text, never markup', () => {
    expect(normalizeText('R&amp;D &lt;script&gt; l&#39;Union &amp;lt;').text).toBe("R&D <script> l'Union &lt;");
  });
});

describe('stripHtml', () => {
  it('turns block tags into line breaks and drops inline tags', () => {
    expect(stripHtml('<p>Un <b>gras</b> mot</p><div>deux<br/>trois</div>').text).toBe('\nUn gras mot\n\ndeux\ntrois\n');
  });

  it('drops script, style and head contents and comments', () => {
    const { text, hadHtml } = stripHtml('<head><title>x</title></head><script>alert(1)</script>a<style>p{}</style><!-- c -->b');
    expect(text).toBe('ab');
    expect(hadHtml).toBe(true);
  });

  it('leaves text with angle brackets that is not markup alone', () => {
    expect(stripHtml('si a < b et c > d, <3').text).toBe('si a < b et c > d, <3');
    expect(stripHtml('plain').hadHtml).toBe(false);
  });

  it('copes with unclosed script and comment tags by dropping the rest', () => {
    expect(stripHtml('texte <script>var x = 1;').text).toBe('texte ');
    expect(stripHtml('texte <!-- jamais fermé').text).toBe('texte ');
  });

  it('stays fast on deeply nested and unclosed markup', () => {
    const nested = '<div>'.repeat(100_000) + 'fond' + '</div>'.repeat(100_000);
    expect(stripHtml(nested).text.replace(/\n/g, '')).toBe('fond');
    const unclosed = '<script>'.repeat(50_000);
    expect(stripHtml(unclosed).text).toBe('');
  });
});
