/**
 * Every setting of the emulator, in one table: each has a CLI flag, a
 * SMARTAG_* environment variable and a default. The table also writes
 * `--help` and the README's settings section (scripts/gen-docs.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closestName } from './did-you-mean';
import type { AuthMode } from './protocol/auth';
export type UnimplementedMode = 'example' | 'error';
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface EmulatorConfig {
  host: string;
  port: number;
  /** `:memory:` or a file path. */
  db: string;
  /** A fixture file, or null to start empty. */
  fixtures: string | null;
  logLevel: string;
  /** auto: readable lines on a terminal, JSON otherwise. */
  logFormat: LogFormat;
  auth: AuthMode;
  unimplemented: UnimplementedMode;
  strictParams: boolean;
  adminToken: string | null;
  journalSize: number;
  journalBodies: boolean;
  bodyLimit: number;
  maxParameters: number;
  maxParameterLength: number;
  requestTimeout: number;
  keepAliveTimeout: number;
}

export const DEFAULT_FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'default.json');

interface Setting<K extends keyof EmulatorConfig> {
  key: K;
  flag: string;
  /** A one-letter alias (-p). */
  short?: string;
  env: string;
  /** How the default reads in --help and the README. */
  shownDefault: string;
  help: string;
  parse(text: string): EmulatorConfig[K];
}

function setting<K extends keyof EmulatorConfig>(s: Setting<K>): Setting<K> {
  return s;
}

export const settings = [
  setting({ key: 'port', flag: '--port', short: 'p', env: 'SMARTAG_PORT', shownDefault: '8080', help: 'TCP port to listen on; 0 picks a free one.', parse: (t) => integer(t, 'port', 0, 65535) }),
  setting({ key: 'host', flag: '--host', env: 'SMARTAG_HOST', shownDefault: '127.0.0.1', help: 'Address to listen on (0.0.0.0 in the container image).', parse: (t) => t }),
  setting({ key: 'db', flag: '--db', env: 'SMARTAG_DB', shownDefault: ':memory:', help: 'SQLite file that keeps state across restarts; in memory by default.', parse: (t) => t }),
  setting({ key: 'fixtures', flag: '--fixtures', env: 'SMARTAG_FIXTURES', shownDefault: 'fixtures/default.json', help: 'Fixture file loaded at start and on reset; "none" starts empty.', parse: (t) => (t === 'none' ? null : path.resolve(t)) }),
  setting({ key: 'logLevel', flag: '--log-level', env: 'SMARTAG_LOG_LEVEL', shownDefault: 'info', help: 'fatal, error, warn, info, debug, trace or silent.', parse: (t) => oneOf(t, 'log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) }),
  setting({ key: 'logFormat', flag: '--log-format', env: 'SMARTAG_LOG_FORMAT', shownDefault: 'auto', help: 'auto (readable lines on a terminal, JSON otherwise), json or pretty.', parse: (t) => oneOf(t, 'log format', ['auto', 'json', 'pretty'] as const) }),
  setting({ key: 'auth', flag: '--auth', env: 'SMARTAG_AUTH', shownDefault: 'lenient', help: 'Signature checking: off, lenient (verify and report, serve anyway) or strict.', parse: (t) => oneOf(t, 'auth mode', ['off', 'lenient', 'strict'] as const) }),
  setting({ key: 'unimplemented', flag: '--unimplemented', env: 'SMARTAG_UNIMPLEMENTED', shownDefault: 'example', help: 'Operations without a stateful implementation: answer a synthesised example, or error.', parse: (t) => oneOf(t, 'unimplemented mode', ['example', 'error'] as const) }),
  setting({ key: 'strictParams', flag: '--strict-params', env: 'SMARTAG_STRICT_PARAMS', shownDefault: 'false', help: 'Reject parameters the operation does not define (the real gateway ignores them).', parse: (t) => boolean(t, 'strict-params') }),
  setting({ key: 'adminToken', flag: '--admin-token', env: 'SMARTAG_ADMIN_TOKEN', shownDefault: '(none)', help: 'Token every /_emulator/ call but health must send (header x-emulator-token, or Authorization: Bearer). Without one, a server listening beyond loopback refuses the control plane.', parse: (t) => nonEmpty(t, 'admin token') }),
  setting({ key: 'journalSize', flag: '--journal-size', env: 'SMARTAG_JOURNAL_SIZE', shownDefault: '1000', help: 'How many API calls the request journal keeps.', parse: (t) => integer(t, 'journal size', 0, 1_000_000) }),
  setting({ key: 'journalBodies', flag: '--journal-bodies', env: 'SMARTAG_JOURNAL_BODIES', shownDefault: 'false', help: 'Keep the start of every answer body in the request journal (responseBody; 4096 characters, secrets redacted).', parse: (t) => boolean(t, 'journal-bodies') }),
  setting({ key: 'bodyLimit', flag: '--body-limit', env: 'SMARTAG_BODY_LIMIT', shownDefault: '1048576', help: 'Largest request body accepted, in bytes.', parse: (t) => integer(t, 'body limit', 1024, 64 * 1024 * 1024) }),
  setting({ key: 'maxParameters', flag: '--max-parameters', env: 'SMARTAG_MAX_PARAMETERS', shownDefault: '1000', help: 'Most parameters one request may carry.', parse: (t) => integer(t, 'max parameters', 10, 100_000) }),
  setting({ key: 'maxParameterLength', flag: '--max-parameter-length', env: 'SMARTAG_MAX_PARAMETER_LENGTH', shownDefault: '65536', help: 'Longest parameter name or value, in characters.', parse: (t) => integer(t, 'max parameter length', 64, 16 * 1024 * 1024) }),
  setting({ key: 'requestTimeout', flag: '--request-timeout', env: 'SMARTAG_REQUEST_TIMEOUT', shownDefault: '30000', help: 'Milliseconds a client has to send a whole request.', parse: (t) => integer(t, 'request timeout', 100, 3_600_000) }),
  setting({ key: 'keepAliveTimeout', flag: '--keep-alive-timeout', env: 'SMARTAG_KEEP_ALIVE_TIMEOUT', shownDefault: '5000', help: 'Milliseconds an idle keep-alive connection stays open.', parse: (t) => integer(t, 'keep-alive timeout', 100, 3_600_000) }),
];

export function defaultConfig(): EmulatorConfig {
  return {
    host: '127.0.0.1',
    port: 8080,
    db: ':memory:',
    fixtures: DEFAULT_FIXTURES,
    logLevel: 'info',
    logFormat: 'auto',
    auth: 'lenient',
    unimplemented: 'example',
    strictParams: false,
    adminToken: null,
    journalSize: 1000,
    journalBodies: false,
    bodyLimit: 1024 * 1024,
    maxParameters: 1000,
    maxParameterLength: 65536,
    requestTimeout: 30_000,
    keepAliveTimeout: 5000,
  };
}

export class ConfigError extends Error {}

/** What the command line asks for: a run with its settings, or only --help or --version. */
export type CommandLine = { kind: 'run'; config: EmulatorConfig } | { kind: 'help' } | { kind: 'version' };

const SWITCHES: ReadonlySet<keyof EmulatorConfig> = new Set(['strictParams', 'journalBodies']);

/**
 * Defaults, then SMARTAG_* variables, then flags (`--port 9000`, `--port=9000`, `-p 9000`), read
 * with node:util parseArgs. Every error names the flag or variable it comes from.
 */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
  const config = defaultConfig();
  const assign = (s: (typeof settings)[number], text: string, source: string) => {
    try {
      (config as unknown as Record<string, unknown>)[s.key] = s.parse(text);
    } catch (error) {
      throw error instanceof ConfigError ? new ConfigError(`${source}: ${error.message}`) : error;
    }
  };
  for (const s of settings) {
    const value = env[s.env];
    // An empty variable counts as unset: compose files and shells write VAR= to mean "not given".
    if (value !== undefined && value !== '') assign(s, value, s.env);
  }
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  };
  for (const s of settings) options[s.flag.slice(2)] = { type: SWITCHES.has(s.key) ? 'boolean' : 'string', ...(s.short ? { short: s.short } : {}) };
  // Not strict: unknown options and missing values come back as tokens, answered below in our words.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  let wants: 'run' | 'help' | 'version' = 'run';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'positional') throw new ConfigError(`Unexpected argument "${token.value}": options start with --; see --help.`);
    if (token.kind === 'option-terminator') continue;
    if (token.name === 'help' || token.name === 'version') {
      if (wants === 'run') wants = token.name;
      continue;
    }
    const s = settings.find((candidate) => candidate.flag === `--${token.name}`);
    if (!s) {
      const hint = closestName(token.rawName, [...settings.map((c) => c.flag), '--help', '--version']);
      throw new ConfigError(`Unknown option ${token.rawName}${hint ? `; did you mean ${hint}?` : ''}; see --help.`);
    }
    let value = token.value;
    if (SWITCHES.has(s.key) && value === undefined) {
      // A bare switch is true; `--strict-params false` (a separate word) is read as its value.
      const next = tokens[i + 1];
      if (next?.kind === 'positional' && /^(true|false)$/.test(next.value)) {
        value = next.value;
        i++;
      } else value = 'true';
    }
    if (value === undefined) throw new ConfigError(`Option ${token.rawName} needs a value.`);
    assign(s, value, token.rawName);
  }
  return wants === 'run' ? { kind: 'run', config } : { kind: wants };
}

/** The settings of a run (--help and --version are ignored). */
export function resolveConfig(argv: readonly string[], env: NodeJS.ProcessEnv): EmulatorConfig {
  const config = defaultConfig();
  const line = parseCommandLine(argv.filter((arg) => !['--help', '-h', '--version', '-v'].includes(arg)), env);
  return line.kind === 'run' ? line.config : config;
}

export function helpText(): string {
  const rows = settings.map((s) => `  ${`${s.short ? `-${s.short}, ` : ''}${s.flag} VALUE`.padEnd(30)} ${s.help}\n  ${''.padEnd(30)} env ${s.env}, default ${s.shownDefault}`);
  return ['Usage: smartag-emulator [options]', '', 'Options:', ...rows, `  ${'-h, --help'.padEnd(30)} Show this text.`, `  ${'-v, --version'.padEnd(30)} Print the version.`, ''].join('\n');
}

function nonEmpty(text: string, name: string): string {
  if (text === '') throw new ConfigError(`Invalid ${name} "": an empty token would let anyone in; give a token, or leave the option out.`);
  return text;
}

function integer(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`Invalid ${name} "${text}": expected a whole number from ${min} to ${max}.`);
  }
  return value;
}

function boolean(text: string, name: string): boolean {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new ConfigError(`Invalid ${name} "${text}": expected true or false.`);
}

function oneOf<T extends string>(text: string, name: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new ConfigError(`Invalid ${name} "${text}": expected one of ${allowed.join(', ')}.`);
  }
  return text as T;
}
