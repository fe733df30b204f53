import { caseFold } from '../../lib/publishers.ts';
import { fold } from '../../lib/text/fold.ts';

/**
 * Vietnamese publishers by domain, with the name they print. Source URLs name the domain;
 * this table turns it into the name a reader recognises. Unknown domains stay as they are.
 */
export const PUBLISHERS: Readonly<Record<string, string>> = {
  'nld.com.vn': 'Người Lao Động',
  'nhandan.vn': 'Báo Nhân dân',
  'daibieunhandan.vn': 'Đại biểu Nhân dân',
  'baoninhthuan.com.vn': 'Báo Ninh Thuận',
  'kinhtedothi.vn': 'Kinh tế & Đô thị',
  'vnexpress.net': 'VnExpress',
  'tuoitre.vn': 'Tuổi Trẻ',
  'thanhnien.vn': 'Thanh Niên',
  'vietnamplus.vn': 'VietnamPlus',
  'baochinhphu.vn': 'Báo Chính phủ',
  'chinhphu.vn': 'Cổng Thông tin điện tử Chính phủ',
  'dangcongsan.vn': 'Báo Điện tử Đảng Cộng sản Việt Nam',
  'qdnd.vn': 'Quân đội nhân dân',
  'cand.com.vn': 'Công an nhân dân',
  'laodong.vn': 'Lao Động',
  'vov.vn': 'VOV',
  'vtv.vn': 'VTV',
  'hanoimoi.vn': 'Hànộimới',
  'hanoimoi.com.vn': 'Hànộimới',
  'sggp.org.vn': 'Sài Gòn Giải Phóng',
  'baotintuc.vn': 'Báo Tin tức',
  'tapchicongsan.org.vn': 'Tạp chí Cộng sản',
  'vietnamnet.vn': 'VietNamNet',
  'zingnews.vn': 'Znews',
  'znews.vn': 'Znews',
  'dantri.com.vn': 'Dân trí',
  'tienphong.vn': 'Tiền Phong',
  'baoquocte.vn': 'Báo Quốc tế',
  'congly.vn': 'Công lý',
  'nongnghiep.vn': 'Nông nghiệp Việt Nam',
  'baodautu.vn': 'Báo Đầu tư',
  'vneconomy.vn': 'VnEconomy',
  'plo.vn': 'Pháp Luật TP.HCM',
  'baophapluat.vn': 'Báo Pháp luật Việt Nam',
  'quochoi.vn': 'Quốc hội Việt Nam',
  'mattran.org.vn': 'Mặt trận Tổ quốc Việt Nam',
  'baodanang.vn': 'Báo Đà Nẵng',
  'baohaiphong.com.vn': 'Báo Hải Phòng',
  'baoquangninh.vn': 'Báo Quảng Ninh',
  'baothanhhoa.vn': 'Báo Thanh Hóa',
  'baonghean.vn': 'Báo Nghệ An',
  'vietnam.vn': 'Vietnam.vn',
};

const withoutMarks = (name: string): string => fold(caseFold(name));

/** Table names, compared case-folded and then also without diacritics, to their domain (the first listed). */
const DOMAINS_BY_NAME = new Map<string, string>();
const DOMAINS_BY_BARE_NAME = new Map<string, string | null>();
for (const [domain, name] of Object.entries(PUBLISHERS)) {
  if (!DOMAINS_BY_NAME.has(caseFold(name))) DOMAINS_BY_NAME.set(caseFold(name), domain);
  const bare = withoutMarks(name);
  const seen = DOMAINS_BY_BARE_NAME.get(bare);
  // A bare name two publishers share (none today) would be ambiguous: it maps to nothing.
  if (seen === undefined) DOMAINS_BY_BARE_NAME.set(bare, domain);
  else if (seen !== null && PUBLISHERS[seen] !== name) DOMAINS_BY_BARE_NAME.set(bare, null);
}

/** The domain of a known publisher's printed name (`BÁO NHÂN DÂN`, `Bao Nhan dan` -> nhandan.vn). */
export function publisherDomain(name: string): string | undefined {
  return DOMAINS_BY_NAME.get(caseFold(name)) ?? DOMAINS_BY_BARE_NAME.get(withoutMarks(name)) ?? undefined;
}

/** Host without `www.`, lower case. */
export function bareDomain(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\d?\./, '');
}

/** The publisher's name for a domain or one of its subdomains (`en.vietnamplus.vn`). */
export function publisherName(domain: string): string | undefined {
  let host = bareDomain(domain);
  for (;;) {
    const name = PUBLISHERS[host];
    if (name) return name;
    const dot = host.indexOf('.');
    if (dot === -1 || host.indexOf('.', dot + 1) === -1) return undefined;
    host = host.slice(dot + 1);
  }
}
