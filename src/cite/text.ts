/**
 * Scraped text made safe for one-line fields: every run of whitespace (newlines, tabs, line
 * and paragraph separators) becomes one space and control characters go, so no value can
 * start a new record line in RIS or a new field in BibTeX.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** `YYYY-MM-DD` as numbers, for formats that store dates as parts. */
export function dateParts(iso: string): [number, number, number] {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}
