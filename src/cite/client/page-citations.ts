/**
 * The citation buttons of a listing page: each fetches the page's articles' own files of its
 * format, joins them (src/cite/combine.ts) and saves the result as one file. The site so
 * stores each article's citations once, not again on every listing that shows it (about 14
 * times over, one per topic). Without JavaScript the block stays invisible and every article's
 * page still links its own files.
 */
import { COMBINE, type CitationExtension } from '../combine.ts';

const isExtension = (value: string | undefined): value is CitationExtension => value !== undefined && Object.hasOwn(COMBINE, value);

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

function save(text: string, type: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  // The download has started from the click; the object URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/**
 * The citation files' paths (less the extension) of the articles the page's list links, in
 * the order listed, each once (a row links its translations too). `prefix` is where every
 * article's files are: `/articles/`, under the site's base path.
 */
function listedFiles(prefix: string): string[] {
  const bases = new Set<string>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('main .article-list a[href]')) {
    const { pathname } = new URL(link.href);
    if (pathname.startsWith(prefix)) bases.add(pathname.replace(/\/$/, ''));
  }
  return [...bases];
}

for (const block of document.querySelectorAll<HTMLElement>('[data-page-citations]')) {
  // The selector guarantees the attribute.
  const bases = listedFiles(block.dataset.pageCitations as string);
  const status = block.querySelector<HTMLElement>('[role="status"]');
  for (const button of block.querySelectorAll<HTMLButtonElement>('button[data-extension]')) {
    const extension = button.dataset.extension;
    if (!isExtension(extension)) continue;
    button.addEventListener('click', async () => {
      button.disabled = true;
      if (status) status.textContent = block.dataset.preparing ?? '';
      try {
        const files = await Promise.all(bases.map((base) => fetchText(`${base}.${extension}`)));
        save(COMBINE[extension](files), button.dataset.mediaType ?? 'text/plain', `${block.dataset.fileName}.${extension}`);
        if (status) status.textContent = '';
      } catch (error) {
        console.error(error);
        if (status) status.textContent = block.dataset.failed ?? String(error);
      } finally {
        button.disabled = false;
      }
    });
  }
  block.classList.add('ready');
}
