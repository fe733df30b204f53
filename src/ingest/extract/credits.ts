/** Photo credit labels as machine translation renders `Ảnh:`. */
const CREDIT_LABEL = '(?:Photos?|Фото|Φωτογραφία|Φωτογραφίες|Φωτ\\.|Ảnh|Foto|Fot\\.|Zdjęcie|Bild)';
/** A credited name: a few words of letters, initials and hyphens ("LE VINH", "P. Binh", "Hoang Trieu", "VNA"). */
const NAME = "(\\p{L}[\\p{L}\\p{M}.'’\\- ]{0,48}?(?:\\s*[,/]\\s*\\p{L}[\\p{L}\\p{M}.'’\\- ]{0,30}?)?)";
const WHOLE_CREDIT = new RegExp(`^\\(?${CREDIT_LABEL}\\s*:\\s*${NAME}\\s*\\.?\\)?$`, 'u');
const TRAILING_CREDIT = new RegExp(`(?:^|[\\s(])${CREDIT_LABEL}\\s*:\\s*${NAME}\\s*\\.?\\)?$`, 'u');

/** Credits never run longer than this, so only a line's tail is searched (long lines stay cheap). */
const TAIL = 120;

/**
 * Splits a trailing photo credit off a line: `… Nguyen Ho Hai. Photo: LE VINH` gives the text
 * before it and `LE VINH`; a line that is only a credit gives empty text.
 */
export function splitCredit(line: string): { text: string; credit?: string } {
  const whole = WHOLE_CREDIT.exec(line);
  if (whole?.[1]) return { text: '', credit: whole[1].trim() };
  const offset = Math.max(0, line.length - TAIL);
  const tail = line.slice(offset);
  const match = TRAILING_CREDIT.exec(tail);
  if (!match?.[1]) return { text: line };
  return { text: line.slice(0, offset + match.index).trim(), credit: match[1].trim() };
}
