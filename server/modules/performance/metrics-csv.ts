import { metricValuesSchema, type MetricValues } from '../../../contracts/performance.ts';

export interface CsvReading {
  readAt: Date;
  values: MetricValues;
}

/** A CSV file that cannot be imported: `line` is 1-based, as an editor shows it. */
export class CsvImportError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'CsvImportError';
  }
}

/** Column names as platforms' exports and people write them, to our field. */
const COLUMNS: Record<string, keyof MetricValues | 'readAt'> = {
  read_at: 'readAt',
  date: 'readAt',
  time: 'readAt',
  views: 'views',
  plays: 'plays',
  reach: 'reach',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saves: 'saves',
  saved: 'saves',
  followers_gained: 'followersGained',
  follows: 'followersGained',
  avg_watch_sec: 'avgWatchSec',
  average_watch_time: 'avgWatchSec',
  watch_ratio: 'watchRatio',
};

const normalHeader = (raw: string) => raw.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Splits one line on commas (or semicolons, as spreadsheets in Russian save), honouring "quoted, fields". */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === separator && !quoted) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map((c) => c.trim());
}

function numberCell(raw: string): number | undefined {
  if (raw === '') return undefined;
  const cleaned = raw.replace(/[\s\u00a0]/g, '').replace(',', '.').replace(/%$/, '');
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : NaN;
}

/**
 * Every row of a metrics CSV, or a CsvImportError for the first bad line (so nothing is stored).
 * The first line names the columns: a date (`read_at` or `date`) and any of the metrics.
 */
export function parseMetricsCsv(text: string): CsvReading[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.includes(';') && !header.includes(',') ? ';' : ',';
  const fields = cells(header, separator).map((name) => {
    const field = COLUMNS[normalHeader(name)];
    if (!field) throw new CsvImportError(1, `unknown column "${name.slice(0, 60)}" (expected read_at and metrics such as views, likes, shares)`);
    return field;
  });
  if (!fields.includes('readAt')) throw new CsvImportError(1, 'a read_at (or date) column is required');
  const readings: CsvReading[] = [];
  for (let index = 1; index < lines.length; index++) {
    if (lines[index]!.trim() === '') continue;
    const line = index + 1;
    const row = cells(lines[index]!, separator);
    if (row.length !== fields.length) throw new CsvImportError(line, `${row.length} values for ${fields.length} columns`);
    const values: Record<string, number | undefined> = {};
    let readAt: Date | null = null;
    fields.forEach((field, i) => {
      const raw = row[i]!;
      if (field === 'readAt') {
        readAt = /^\d{4}-\d{2}-\d{2}/.test(raw) ? new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw) : null;
        const year = readAt?.getUTCFullYear() ?? 0;
        // 2026-02-31 would roll over to March: a date-only value must read back as written.
        const rolled = raw.length === 10 && readAt !== null && !Number.isNaN(readAt.getTime()) && readAt.toISOString().slice(0, 10) !== raw;
        if (!readAt || Number.isNaN(readAt.getTime()) || rolled || year < 2000 || year > 2099) throw new CsvImportError(line, `read_at: "${raw.slice(0, 40)}" is not a date like 2026-05-31`);
        return;
      }
      const value = numberCell(raw);
      if (Number.isNaN(value)) throw new CsvImportError(line, `${header.split(separator)[i]!.trim()}: "${raw.slice(0, 40)}" is not a number`);
      values[field] = field === 'watchRatio' && raw.endsWith('%') && value !== undefined ? value / 100 : value;
    });
    const parsed = metricValuesSchema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CsvImportError(line, `${issue.path.join('.')}: ${issue.message}`);
    }
    readings.push({ readAt: readAt!, values: parsed.data });
  }
  if (readings.length === 0) throw new CsvImportError(2, 'no rows under the header');
  return readings;
}
