/** English number words: cardinals, ordinals, years, decimals. */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Array<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function belowHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const unit = n % 10;
  return unit ? `${TENS[Math.floor(n / 10)]}-${ONES[unit]}` : TENS[Math.floor(n / 10)]!;
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts = hundreds ? [`${ONES[hundreds]} hundred`] : [];
  if (rest || !hundreds) parts.push(belowHundred(rest));
  return parts.join(' ');
}

/** 1234 → "one thousand two hundred thirty-four". */
export function cardinal(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 0) return `minus ${cardinal(-n)}`;
  if (!Number.isInteger(n)) return decimal(String(n));
  if (n < 1000) return belowThousand(n);
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of SCALES) {
    if (rest >= size) {
      parts.push(`${cardinal(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest) parts.push(belowThousand(rest));
  return parts.join(' ');
}

/** "3.14" → "three point one four"; "0.5" → "zero point five". */
export function decimal(written: string): string {
  const [whole = '0', fraction = ''] = written.replace(/,/g, '').split('.');
  const digits = fraction.split('').map((d) => ONES[Number(d)]).join(' ');
  return fraction ? `${cardinal(Number(whole))} point ${digits}` : cardinal(Number(whole));
}

const ORDINAL_WORDS: Record<string, string> = { one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth' };

/** 21 → "twenty-first". */
export function ordinal(n: number): string {
  const words = cardinal(n);
  return words.replace(/([a-z]+)$/, (last) => ORDINAL_WORDS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`));
}

/** 2019 → "twenty nineteen", 2005 → "two thousand five", 1900 → "nineteen hundred", 1066 → "ten sixty-six". */
export function year(n: number): string {
  if (n >= 2000 && n < 2010) return cardinal(n);
  const high = Math.floor(n / 100);
  const low = n % 100;
  if (low === 0) return `${cardinal(high)} hundred`;
  return `${cardinal(high)} ${low < 10 ? `oh ${ONES[low]}` : belowHundred(low)}`;
}

/** "1990s" → "nineteen nineties", "80s" → "eighties". */
export function decade(n: number): string {
  const plural = (words: string) => words.replace(/y$/, 'ies').replace(/([^s])$/, '$1s');
  if (n < 100) return plural(belowHundred(n));
  if (n % 100 === 0) return n % 1000 === 0 ? `${cardinal(n)}s` : `${cardinal(Math.floor(n / 100))} hundreds`;
  return `${cardinal(Math.floor(n / 100))} ${plural(belowHundred(n % 100))}`;
}

/** 3/4 → "three quarters", 1/2 → "one half", 2/3 → "two thirds". */
export function fraction(numerator: number, denominator: number): string {
  const name = denominator === 2 ? 'half' : denominator === 4 ? 'quarter' : ordinal(denominator);
  const plural = numerator === 1 ? name : name === 'half' ? 'halves' : `${name}s`;
  return `${cardinal(numerator)} ${plural}`;
}

/** A number written with grouping commas or a decimal point, read as words. */
export function numberWords(written: string): string {
  const plain = written.replace(/,(?=\d{3}\b)/g, '');
  return plain.includes('.') ? decimal(plain) : cardinal(Number(plain));
}
