import { joinBase } from '../../lib/urls.ts';
import { base } from './page.ts';

/** Fetches a JSON file of the site once; a failed fetch is tried again the next time it is asked for. */
export function cachedJson<T>(cache: Map<string, Promise<T>>, sitePath: string): Promise<T> {
  let request = cache.get(sitePath);
  if (!request) {
    request = fetch(joinBase(base, sitePath)).then((response) => {
      if (!response.ok) throw new Error(`${sitePath}: HTTP ${response.status}`);
      return response.json() as Promise<T>;
    });
    request.catch(() => cache.delete(sitePath));
    cache.set(sitePath, request);
  }
  return request;
}
