/** One run of excerpt text, highlighted where it matched the query. */
interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Pagefind's excerpt is HTML-ish: matches wrapped in `<mark>`, `<` and `>` of the text
 * escaped, `&` left alone. The text is scraped and hostile, so it is never parsed as HTML:
 * this splits it into plain runs for `textContent`, and any other tag stays visible text.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (raw: string, mark: boolean) => {
    const text = raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  let position = 0;
  for (const match of excerpt.matchAll(/<mark>([\s\S]*?)<\/mark>/g)) {
    push(excerpt.slice(position, match.index), false);
    push(match[1] ?? '', true);
    position = match.index + match[0].length;
  }
  push(excerpt.slice(position), false);
  return parts;
}
