/** One non-blank line of the file, with what surrounds it. */
export interface Block {
  text: string;
  /** 1-based line number in the normalised text, for messages. */
  line: number;
  blankBefore: boolean;
  blankAfter: boolean;
  /** The last line a wrapped URL ran on to, when the lines were joined to this one. */
  wrapped?: number;
}

/**
 * Normalised text to blocks. Some files separate paragraphs with blank lines, others with
 * single newlines; taking every non-blank line as a block reads both the same, and the
 * blank-line flags keep what the layout says (a title followed by a blank line, say).
 */
export function splitBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let blank = true;
  lines.forEach((line, index) => {
    if (line === '') {
      const previous = blocks.at(-1);
      if (previous) previous.blankAfter = true;
      blank = true;
      return;
    }
    blocks.push({ text: line, line: index + 1, blankBefore: blank && blocks.length > 0, blankAfter: false });
    blank = false;
  });
  return blocks;
}
