/**
 * Trims the places Pagefind keeps of each word in each page to the few a search uses.
 *
 * Pagefind's index chunks list, for every word, every page holding it and every place the
 * word holds in that page. A word in nearly every article (`parti` in French political news)
 * then makes a chunk of about 25 bytes a page, gzipped: 735 KiB for one 30,000-page bundle,
 * most of a cold query's bytes. The search needs far less of it: the page list of a word
 * (which pages match, their counts and filters) does not depend on the places; the places
 * serve the score (each place adds its weight to the word's frequency in BM25), the excerpt
 * (the window with the most places, and the words marked in it) and exact phrases, which the
 * search page never asks for (src/search/terms.ts hands Pagefind single words). So each word
 * keeps, in each page, its PLACES_KEPT heaviest places (a title's or heading's before the
 * body's, then the first ones): the same chunk at 30,000 pages is then 100 KiB.
 *
 * What it costs the ranking: a page's frequency of a word counts at most PLACES_KEPT places.
 * BM25 saturates the frequency (Pagefind's k1 is 1.4): for a page of average length one place
 * scores 1.0, two 1.41, three 1.64 and any number less than 2.4, so a page holding a word ten
 * times no longer outranks one holding it twice, unless in its title or headings (heavier
 * places, kept first), and the shorter page of the two ranks first. The set of pages a query
 * finds and every count stay the same. The excerpt is the window around the kept places, and
 * marks the word there.
 *
 * The chunks and the page list (`pf_meta`, which names the chunks) are content-addressed:
 * each is written again under a name made from its new bytes, and the bundle's entry names
 * the new page list.
 */
import { CHUNK_LEVEL, pagefindFile, readPagefindFile, rewriteChunks, type PageList } from './pagefind-files.ts';

/** Places a word keeps in a page (see the top of this file for what it costs the ranking). */
export const PLACES_KEPT = 2;


/** The weight Pagefind's reader assumes until a place list names one (Pagefind's lists start by naming it). */
const UNMARKED_WEIGHT = 25;

type Cbor = unknown;

function listOf(value: Cbor, file: string, what: string): Cbor[] {
  if (!Array.isArray(value)) throw new Error(`${file}: ${what} is not a list`);
  return value;
}

/**
 * A page's places of one word, as Pagefind encodes them (pagefind_web/src/index.rs): a
 * negative number -(w + 1) sets the weight w of the places after it, the first place after it
 * absolute, each later one the distance from the one before. Returns the same encoding with
 * the `kept` heaviest places, in their order on the page.
 */
export function trimPlaces(encoded: readonly number[], kept: number): number[] {
  const places: { weight: number; at: number; order: number }[] = [];
  let weight = UNMARKED_WEIGHT;
  let last = 0;
  for (const value of encoded) {
    if (value < 0) {
      weight = -value - 1;
      last = 0;
    } else {
      last += value;
      places.push({ weight, at: last, order: places.length });
    }
  }
  if (places.length <= kept) return [...encoded];
  const chosen = places.sort((a, b) => b.weight - a.weight || a.order - b.order).slice(0, kept).sort((a, b) => a.order - b.order);
  const out: number[] = [];
  let current: number | undefined;
  for (const place of chosen) {
    if (place.weight !== current) {
      out.push(-(place.weight + 1));
      current = place.weight;
      last = 0;
    }
    out.push(place.at - last);
    last = place.at;
  }
  return out;
}

/**
 * Copies an index chunk's CBOR, item by item, trimming each page's places on the way. A
 * chunk is (pagefind/src/index/index_words.rs, definite lengths throughout):
 * [[word: [text, pages, variants?, ...]...], ...], a page [delta, places, meta places?, ...],
 * a variant [text, pages]. Decoding the whole chunk into objects costs six times as much.
 */
class ChunkCopy {
  private at = 0;
  private out: Uint8Array;
  private size = 0;
  private readonly input: Buffer;
  private readonly file: string;
  private readonly renumber: readonly number[];
  /** The chunk's words as Pagefind indexed them (not their variants), in chunk order. */
  readonly words: string[] = [];

  constructor(input: Buffer, file: string, renumber: readonly number[]) {
    this.input = input;
    this.file = file;
    this.renumber = renumber;
    this.out = new Uint8Array(input.length);
  }

  copy(): Uint8Array {
    const items = this.arrayHead('an index chunk');
    this.eachOf(this.arrayHead('an index chunk’s words'), () => this.word());
    for (let i = 1; i < items; i++) this.passItem();
    if (this.at !== this.input.length) this.fail('bytes after the chunk');
    return this.out.subarray(0, this.size);
  }

  private word(): void {
    const fields = this.arrayHead('a word');
    const length = this.readHead(3, 'a word’s text');
    this.words.push(this.input.toString('utf8', this.at, this.at + length));
    this.put(this.input.subarray(this.at, this.at + length));
    this.at += length;
    this.pages();
    if (fields >= 3) this.eachOf(this.arrayHead('a word’s variants'), () => this.variant());
    for (let i = 3; i < fields; i++) this.passItem();
  }

  private variant(): void {
    const fields = this.arrayHead('a variant of a word');
    this.passItem();
    this.pages();
    for (let i = 2; i < fields; i++) this.passItem();
  }

  /**
   * A word's pages, each renumbered by `renumber`: Pagefind lists them by page number, each
   * as the distance from the one before, so they are listed again in their new order.
   */
  private pages(): void {
    const count = this.arrayHead('a word’s pages');
    const pages: { page: number; fields: number; rest: Uint8Array }[] = [];
    let page = 0;
    for (let i = 0; i < count; i++) {
      const fields = this.readHead(4, 'a page of a word', false);
      page += this.readHead(0, 'a page number', false);
      const renumbered = this.renumber[page];
      if (renumbered === undefined) this.fail(`page ${page}, which the page list does not hold,`);
      const start = this.size;
      this.places();
      for (let f = 2; f < fields; f++) this.passItem();
      pages.push({ page: renumbered, fields, rest: this.out.slice(start, this.size) });
      this.size = start;
    }
    pages.sort((a, b) => a.page - b.page);
    let last = 0;
    for (const { page: number, fields, rest } of pages) {
      this.writeHead(4, fields);
      this.writeHead(0, number - last);
      this.put(rest);
      last = number;
    }
  }

  /** A page's places of the word, trimmed to PLACES_KEPT. */
  private places(): void {
    const start = this.at;
    const count = this.readHead(4, 'a page’s places', false);
    const values: number[] = [];
    let places = 0;
    for (let i = 0; i < count; i++) {
      const value = this.readInteger();
      values.push(value);
      if (value >= 0) places++;
    }
    if (places <= PLACES_KEPT) this.put(this.input.subarray(start, this.at));
    else {
      const trimmed = trimPlaces(values, PLACES_KEPT);
      this.writeHead(4, trimmed.length);
      for (const value of trimmed) this.writeInteger(value);
    }
  }

  private eachOf(count: number, each: () => void): void {
    for (let i = 0; i < count; i++) each();
  }

  private fail(what: string): never {
    throw new Error(`${this.file}: not a Pagefind index chunk (${what} at byte ${this.at})`);
  }

  /** Reads an item's head of major type `major`, and copies it unless `copy` is false; returns its count or value. */
  private readHead(major: number, what: string, copy = true): number {
    const start = this.at;
    const first = this.input[this.at++];
    if (first === undefined || first >> 5 !== major) this.fail(`${what} expected`);
    const info = first & 31;
    let value: number;
    if (info < 24) value = info;
    else if (info === 24) value = this.input.readUInt8(this.at);
    else if (info === 25) value = this.input.readUInt16BE(this.at);
    else if (info === 26) value = this.input.readUInt32BE(this.at);
    else if (info === 27) value = Number(this.input.readBigUInt64BE(this.at));
    else this.fail(`an indefinite length for ${what}`);
    this.at += info < 24 ? 0 : 1 << (info - 24);
    if (copy) this.put(this.input.subarray(start, this.at));
    return value;
  }

  private arrayHead(what: string): number {
    return this.readHead(4, what);
  }

  private readInteger(): number {
    const major = (this.input[this.at] ?? 0) >> 5;
    if (major === 0) return this.readHead(0, 'a place', false);
    return -1 - this.readHead(1, 'a place', false);
  }

  /** Copies one whole item, whatever it is. */
  private passItem(): void {
    const first = this.input[this.at];
    if (first === undefined) this.fail('an item expected');
    const major = first >> 5;
    const value = this.readHead(major, 'an item');
    if (major === 2 || major === 3) {
      this.put(this.input.subarray(this.at, this.at + value));
      this.at += value;
    } else if (major === 4) this.eachOf(value, () => this.passItem());
    else if (major === 5) this.eachOf(value * 2, () => this.passItem());
    else if (major === 6) this.passItem();
  }

  private writeHead(major: number, value: number): void {
    const type = major << 5;
    if (value < 24) this.put([type | value]);
    else if (value < 0x100) this.put([type | 24, value]);
    else if (value < 0x10000) this.put([type | 25, value >> 8, value & 0xff]);
    else this.put([type | 26, (value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);
  }

  private writeInteger(value: number): void {
    if (value >= 0) this.writeHead(0, value);
    else this.writeHead(1, -1 - value);
  }

  private put(bytes: ArrayLike<number>): void {
    if (this.size + bytes.length > this.out.length) {
      const grown = new Uint8Array(Math.max(this.out.length * 2, this.size + bytes.length));
      grown.set(this.out.subarray(0, this.size));
      this.out = grown;
    }
    this.out.set(bytes, this.size);
    this.size += bytes.length;
  }
}

/**
 * An index chunk's bytes with every word's places trimmed (its variants' too: other
 * diacritics of the word), and page `n` renumbered `renumber[n]` (page-list.ts); each of its
 * words is handed to `onWord`.
 */
export function trimChunk(gzipped: Buffer, file: string, renumber: readonly number[], onWord: (word: string) => void = () => {}): Buffer {
  const chunk = new ChunkCopy(readPagefindFile(file, gzipped), file, renumber);
  const bytes = pagefindFile(chunk.copy(), CHUNK_LEVEL);
  for (const word of chunk.words) onWord(word);
  return bytes;
}

/**
 * Trims the places of every word of a bundle Pagefind has just written (see the top of this
 * file), its pages renumbered as `renumber` says: its chunks are written again, and `list`
 * names them; the caller writes the list. Returns the bundle's words, as Pagefind indexed
 * them, read on the way (a second decoding of every chunk cost as much as the trimming).
 */
export function trimBundlePlaces(bundle: string, list: PageList, renumber: readonly number[]): string[] {
  const { file: metaFile, meta } = list;
  const chunks = listOf(meta[2], metaFile, 'the page list’s chunks').map((item) => listOf(item, metaFile, 'a chunk of the page list'));
  const names = chunks.map(([, , name]) => {
    if (typeof name !== 'string') throw new Error(`${metaFile}: a chunk without a name`);
    return name;
  });
  const words: string[] = [];
  const renamed = rewriteChunks(bundle, 'index', names, '.pf_index', metaFile, (file, bytes) => trimChunk(bytes, file, renumber, (word) => words.push(word)));
  meta[2] = chunks.map(([from, to, , ...rest], i) => [from, to, renamed[i], ...rest]);
  return words;
}
