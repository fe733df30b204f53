import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './frontmatter.ts';

describe('splitFrontMatter', () => {
  it('reads url, title and date as evidence and returns the rest', () => {
    const result = splitFrontMatter('---\nurl: https://nhandan.vn/a-post1.html\ntitle: "Titre"\ndate: 2025-07-02\n---\nTexte.\n');
    expect(result.frontMatter).toEqual({ url: 'https://nhandan.vn/a-post1.html', title: 'Titre', date: '2025-07-02' });
    expect(result.content.trim()).toBe('Texte.');
    expect(result.warnings).toEqual([]);
  });

  it('leaves text without front matter untouched', () => {
    expect(splitFrontMatter('Titre\n---\nTexte')).toEqual({ content: 'Titre\n---\nTexte', frontMatter: {}, warnings: [] });
  });

  it('warns about malformed YAML and keeps the text after it', () => {
    const result = splitFrontMatter('---\nurl: [unclosed\n---\nTexte.');
    expect(result.frontMatter).toEqual({});
    expect(result.content).toBe('Texte.');
    expect(result.warnings[0]).toMatch(/^front-matter: not valid YAML/);
  });

  it('warns about an opener without a closer and keeps everything as text', () => {
    const result = splitFrontMatter('---\nTexte sans fin');
    expect(result.content).toBe('---\nTexte sans fin');
    expect(result.warnings[0]).toMatch(/^front-matter: opening ---/);
  });

  it('reads YAML code tags as plain text, never as code', () => {
    const result = splitFrontMatter('---\ntitle: !!js/function "function () { return 1 }"\n---\nTexte');
    expect(result.frontMatter).toEqual({ title: 'function () { return 1 }' });
    expect(result.content).toBe('Texte');
  });

  it('never evaluates code front matter', () => {
    const marker = '__ingestFrontMatterRan';
    const result = splitFrontMatter(`---js\n{ title: (globalThis.${marker} = 1) }\n---\nTexte`);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(result.frontMatter).toEqual({});
  });
});
