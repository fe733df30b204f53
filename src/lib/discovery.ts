import { escapeUTF8 } from 'entities';
import { ui, UI_LANG } from '../i18n/ui.ts';
import { LANGS } from '../schemas/article.ts';
import { joinBase, routes } from './urls.ts';

/**
 * The files that let browsers, crawlers and devices find the archive: an OpenSearch
 * description (the browser offers the archive's search), robots.txt naming the sitemap, and a
 * web app manifest. Each takes the public address and the base path, as the build has them.
 */
export interface SiteAddress {
  site: URL;
  base: string;
}

interface SiteIdentity {
  name: string;
  /** OpenSearch caps ShortName at 16 characters; the manifest shows it under an icon. */
  shortName: string;
  description: string;
  lang: string;
  /** The page background, so a starting app window does not flash another colour. */
  background: string;
  /** The accent the icon is drawn in. */
  theme: string;
}

/** The archive as the manifest and OpenSearch name it; the colours are global.css's --bg and --accent. */
export const siteIdentity: SiteIdentity = {
  name: ui.siteName,
  shortName: ui.siteShortName,
  description: ui.siteTagline,
  lang: UI_LANG,
  background: '#fdfcfa',
  theme: '#8a1c1c',
};

export const OPENSEARCH_TYPE = 'application/opensearchdescription+xml';
const SHORT_NAME_MAX = 16;

const absolute = (at: SiteAddress, path: string): string => new URL(joinBase(at.base, path), at.site).href;

/** What the browser fills in: the search page reads its query from `q`. */
export function searchTemplate(at: SiteAddress): string {
  return `${absolute(at, routes.search())}?q={searchTerms}`;
}

export function openSearchDescription(at: SiteAddress, identity: SiteIdentity): string {
  if (identity.shortName.length > SHORT_NAME_MAX) throw new Error(`OpenSearch ShortName "${identity.shortName}" is longer than ${SHORT_NAME_MAX} characters`);
  const x = escapeUTF8;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
    `  <ShortName>${x(identity.shortName)}</ShortName>`,
    `  <LongName>${x(identity.name)}</LongName>`,
    `  <Description>${x(identity.description)}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    ...LANGS.map((lang) => `  <Language>${lang}</Language>`),
    `  <Image width="32" height="32" type="image/svg+xml">${x(absolute(at, routes.favicon()))}</Image>`,
    `  <Url type="text/html" method="get" template="${x(searchTemplate(at))}"/>`,
    `  <Url type="${OPENSEARCH_TYPE}" rel="self" template="${x(absolute(at, routes.openSearch()))}"/>`,
    `  <moz:SearchForm>${x(absolute(at, routes.search()))}</moz:SearchForm>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}

/** Everything may be crawled; the sitemap index is named by its absolute address, as robots.txt requires. */
export function robotsTxt(at: SiteAddress): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absolute(at, routes.sitemap())}`, ''].join('\n');
}

export function webManifest(at: SiteAddress, identity: SiteIdentity): string {
  const home = joinBase(at.base, routes.home());
  const manifest = {
    name: identity.name,
    short_name: identity.shortName,
    description: identity.description,
    lang: identity.lang,
    id: home,
    start_url: home,
    scope: home,
    // An archive is read and cited: an installed window keeps back, reload and the address
    // a reader copies to cite a page.
    display: 'minimal-ui',
    background_color: identity.background,
    theme_color: identity.theme,
    icons: [{ src: joinBase(at.base, routes.favicon()), sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
