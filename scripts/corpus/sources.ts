/**
 * The Vietnamese side of a generated article: the original headline (it leaks into the files
 * as untranslated image alt text and shapes the source URL) and the publisher whose domain
 * the source URL names. URL shapes follow the real sites seen in the samples.
 */
import type { Rng } from '../lib/rng.ts';
import type { Lang } from '../../src/schemas/article.ts';

export interface Publisher {
  /** As the publisher line prints it (twice, glued, then the date). */
  name: string;
  domain: string;
  /** How a machine translation renders the name when it opens a dateline lead. */
  dateline: Record<Lang, string>;
  /**
   * `id` is unique per story: real article ids never collide, and random ids drawn from the
   * narrow ranges real sites use would, turning distinct stories into false duplicates.
   */
  url(slug: string, date: CorpusDate, rng: Rng, id: number): string;
}

export interface CorpusDate {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const PUBLISHERS: readonly Publisher[] = [
  {
    name: 'Người Lao Động',
    domain: 'nld.com.vn',
    dateline: { fr: 'NLD', ru: 'НЛД', el: 'NLD' },
    // The id encodes the original publication time: 196 + yyMMddHHmmss + 3 digits.
    url: (slug, d, rng) =>
      `https://nld.com.vn/${slug}-196${pad(d.year % 100)}${pad(d.month)}${pad(d.day)}${pad(rng.int(6, 22))}${pad(rng.int(0, 59))}${pad(rng.int(0, 59))}${rng.int(100, 999)}.htm`,
  },
  {
    name: 'Báo Nhân dân',
    domain: 'nhandan.vn',
    dateline: { fr: 'Nhan Dan', ru: 'Нян Зан', el: 'Νιαν Νταν' },
    url: (slug, _d, _rng, id) => `https://nhandan.vn/${slug}-post${700000 + id}.html`,
  },
  {
    name: 'Đại biểu Nhân dân',
    domain: 'daibieunhandan.vn',
    dateline: { fr: 'Dai Bieu Nhan Dan', ru: 'Дай Бьеу Нян Зан', el: 'Ντάι Μπιέου Νιαν Νταν' },
    url: (slug, _d, _rng, id) => `https://daibieunhandan.vn/${slug}-${10000000 + id}.html`,
  },
  {
    name: 'Báo Ninh Thuận',
    domain: 'baoninhthuan.com.vn',
    dateline: { fr: 'Ninh Thuan', ru: 'Ниньтхуан', el: 'Νιν Τουάν' },
    url: (slug, _d, rng, id) => `http://baoninhthuan.com.vn/news/${140000 + id}p${rng.int(1, 40)}c${rng.int(10, 60)}/${slug}.htm`,
  },
  {
    name: 'Kinh tế & Đô thị',
    domain: 'kinhtedothi.vn',
    dateline: { fr: 'Kinhtedothi', ru: 'Кинтедоти', el: 'Κιντεντόθι' },
    // The real site has no id, only the headline's slug: a number stands in for a unique headline.
    url: (slug, _d, _rng, id) => `https://kinhtedothi.vn/${slug}-${id}.html`,
  },
  {
    name: 'VietnamPlus',
    domain: 'vietnamplus.vn',
    dateline: { fr: 'VNA', ru: 'ВИА', el: 'VNA' },
    url: (slug, _d, _rng, id) => `https://www.vietnamplus.vn/${slug}-post${900000 + id}.vnp`,
  },
  {
    name: 'Báo Chính phủ',
    domain: 'baochinhphu.vn',
    dateline: { fr: 'Chinhphu.vn', ru: 'Chinhphu.vn', el: 'Chinhphu.vn' },
    url: (slug, d, rng) =>
      `https://baochinhphu.vn/${slug}-10${pad(d.year % 100)}${pad(d.month)}${pad(d.day)}${rng.int(100000000, 999999999)}.htm`,
  },
  {
    name: 'Quân đội nhân dân',
    domain: 'qdnd.vn',
    dateline: { fr: 'QDND', ru: 'КДНД', el: 'QDND' },
    url: (slug, _d, _rng, id) => `https://www.qdnd.vn/chinh-tri/tin-tuc/${slug}-${800000 + id}`,
  },
  {
    name: 'Hànộimới',
    domain: 'hanoimoi.vn',
    dateline: { fr: 'Hanoimoi', ru: 'Ханоймой', el: 'Χανόιμόι' },
    url: (slug, _d, _rng, id) => `https://hanoimoi.vn/${slug}-${680000 + id}.html`,
  },
  {
    name: 'Tuổi Trẻ',
    domain: 'tuoitre.vn',
    dateline: { fr: 'Tuoi Tre', ru: 'Туой Че', el: 'Τουόι Τρε' },
    url: (slug, d, rng) =>
      `https://tuoitre.vn/${slug}-${d.year}${pad(d.month)}${pad(d.day)}${rng.int(100000000, 999999999)}.htm`,
  },
];

/** Real-looking Vietnamese headlines (several are the samples' own). */
export const VIETNAMESE_TITLES: readonly string[] = [
  'Thực hiện toàn diện, hiệu quả các nhiệm vụ trọng tâm',
  'Hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2024',
  'Bí thư Thành ủy Hà Nội Nguyễn Duy Ngọc: Cụ thể hóa Nghị quyết Đại hội Đảng bộ lần thứ XVIII bằng các chính sách đột phá',
  'Tiếp tục nỗ lực thực hiện các nhiệm vụ, vận hành hiệu quả mô hình bộ máy mới',
  'Tiếp tục thực hiện hiệu quả các phong trào thi đua trong công tác tổ chức xây dựng Đảng',
  'Tổng Bí thư Tô Lâm chủ trì cuộc họp của Bộ Chính trị, Ban Bí thư',
  'Sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả',
  'Chính quyền địa phương hai cấp chính thức vận hành',
  'Chuẩn bị tốt nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025-2030',
  'Đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  'Đẩy mạnh phòng, chống tham nhũng, lãng phí, tiêu cực',
  'Nâng cao chất lượng công tác kiểm tra, giám sát của Đảng',
  'Quốc hội thông qua Nghị quyết về thí điểm cơ chế đặc thù',
  'Phát huy sức mạnh khối đại đoàn kết toàn dân tộc',
  'Thành phố Hồ Chí Minh tăng tốc phát triển kinh tế - xã hội',
  'Thủ tướng Phạm Minh Chính làm việc với lãnh đạo chủ chốt tỉnh Quảng Ninh',
  'Chủ tịch nước Lương Cường tiếp Đại sứ các nước',
  'Chủ tịch Quốc hội Trần Thanh Mẫn dự hội nghị tiếp xúc cử tri',
  'Đồng chí Trần Cẩm Tú dự Đại hội đại biểu Đảng bộ tỉnh Phú Thọ',
  'Cải cách hành chính, nâng cao chỉ số hài lòng của người dân',
  'Xây dựng lực lượng vũ trang nhân dân vững mạnh toàn diện',
  'Bảo đảm quốc phòng, an ninh trong tình hình mới',
  'Phong trào thi đua yêu nước lập thành tích chào mừng Đại hội XIV của Đảng',
  'Công tác dân vận góp phần củng cố niềm tin của nhân dân',
];

/** Sentences for files that were never translated (a real failure of the scrapers). */
export const VIETNAMESE_SENTENCES: readonly string[] = [
  'Sáng 4/7, tại Trụ sở Trung ương Đảng, Tổng Bí thư Tô Lâm chủ trì cuộc họp của Bộ Chính trị, Ban Bí thư.',
  'Hội nghị đã đánh giá kết quả thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII.',
  'Các cấp ủy, tổ chức đảng đã chủ động, tích cực triển khai nhiều giải pháp đồng bộ, hiệu quả.',
  'Đồng chí Nguyễn Hồ Hải, Phó Bí thư Thường trực Thành ủy TP Hồ Chí Minh phát biểu tại hội nghị.',
  'Chính quyền địa phương hai cấp đã vận hành thông suốt, ổn định, phục vụ người dân tốt hơn.',
  'Thành phố Hà Nội tiếp tục đẩy mạnh chuyển đổi số, cải cách thủ tục hành chính.',
  'Đại hội đại biểu Đảng bộ thành phố lần thứ XVIII đã thành công tốt đẹp.',
  'Công tác kiểm tra, giám sát và thi hành kỷ luật đảng được tăng cường.',
];

