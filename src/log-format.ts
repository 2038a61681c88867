/**
 * The log's two faces: pino's JSON lines for machines (not a terminal, or
 * --log-format json), and on a terminal one readable line per record:
 * `12:41:49.123 INFO  message key=value ...`. The pretty stream rewrites the
 * JSON pino produces, so both carry the same fields.
 */
import type { LogFormat } from './config';
import { turnLogStream } from './log-destination';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Fields every record has, shown in the line's head or not at all. */
const HEAD_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg']);

export interface LogStream {
  write(line: string): void;
}

export function resolveLogFormat(format: LogFormat, isTTY = Boolean(process.stdout.isTTY)): 'json' | 'pretty' {
  if (format === 'auto') return isTTY ? 'pretty' : 'json';
  return format;
}

export function logStreamFor(format: LogFormat): LogStream {
  if (resolveLogFormat(format) === 'json') return turnLogStream;
  return { write: (line) => turnLogStream.write(prettyLine(line)) };
}

/** One JSON record as a readable line; anything that is not a record passes through. */
export function prettyLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 23) : '';
  const level = (LEVELS[record.level as number] ?? String(record.level)).padEnd(5);
  const fields = Object.entries(record)
    .filter(([key]) => !HEAD_FIELDS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' && !/[\s"=]/.test(value) ? value : JSON.stringify(value)}`);
  return `${[time, level, String(record.msg ?? ''), ...fields].filter((part) => part !== '').join(' ')}\n`;
}
