// Configuration from the environment; every variable is documented in the README.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './paths.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Unset → embedded PGlite in `dataDir/db`. */
  databaseUrl: string | undefined;
  /** A migrated, empty PGlite data folder (made by `npm run build`) that a new `dataDir/db` is copied from; undefined → initdb. */
  pgliteSnapshot: string | undefined;
  /** PGlite's shared_buffers (PGLITE_SHARED_BUFFERS); unset → 64MB for a new folder, PGlite's 128MB after (db/open.ts). */
  pgliteSharedBuffers: string | undefined;
  /** A streaming replica of `databaseUrl` that serves reads (PostgreSQL only). */
  databaseReadUrl: string | undefined;
  sessionSecret: string;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Build the demo tenants when the database is new. */
  demo: boolean;
  adminPassword: string | undefined;
  /** Serve cookies with Secure (behind HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  /** Scales the slow-down after wrong passwords (1 = as designed; tests use 0). */
  loginDelayScale: number;
  /** The clock; tests freeze it so that statuses computed from dates are repeatable. */
  now: () => Date;
  /** Uploaded files: where their bytes live (FILES_DIR, shared by all processes; default DATA_DIR/files) and the largest accepted size. */
  filesDir: string;
  uploadMaxBytes: number;
  /** Outgoing mail for reminders; undefined (in-app reminders only) when SMTP_HOST is unset. */
  smtp: SmtpConfig | undefined;
  /** Minutes between two runs of the reminder job. */
  reminderIntervalMinutes: number;
  /** The address users reach kehoach at, for links in e-mails (e.g. https://kehoach.soyte.gov.vn). */
  publicUrl: string;
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  pass: string | undefined;
  from: string;
}

function smtpFromEnv(): SmtpConfig | undefined {
  const host = process.env.SMTP_HOST;
  if (!host) return undefined;
  return {
    host, port: int('SMTP_PORT', 587), secure: bool('SMTP_SECURE', false),
    user: process.env.SMTP_USER || undefined, pass: process.env.SMTP_PASS || undefined,
    from: process.env.SMTP_FROM || 'kehoach <no-reply@localhost>',
  };
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Biến môi trường ${name} phải là số nguyên dương (đang là "${raw}").`);
  return n;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw);
}

/** SESSION_SECRET, or one generated once and kept in the data folder so sessions survive restarts. */
function sessionSecret(dataDir: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * KEHOACH_NOW (an ISO date-time) freezes the app's clock: for tests that start kehoach as a process and must
 * see the same due dates whatever day they run, and for a training copy that should stay on one day.
 */
function fixedClock(value: string | undefined): () => Date {
  if (!value) return () => new Date();
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`KEHOACH_NOW không phải thời điểm hợp lệ (ví dụ 2026-11-23T09:00:00+07:00): "${value}"`);
  return () => new Date(at);
}

/** A PostgreSQL memory size such as "64MB" or "1GB", or undefined when unset. */
function memorySize(name: string): string | undefined {
  const value = process.env[name]?.trim();
  if (!value) return undefined;
  if (!/^\d+(kB|MB|GB)$/.test(value)) throw new Error(`${name} phải là dung lượng như 64MB hoặc 1GB (đang là "${value}").`);
  return value;
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? process.env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const databaseReadUrl = process.env.DATABASE_READ_URL || undefined;
  if (databaseReadUrl && !databaseUrl) throw new Error('DATABASE_READ_URL (bản sao chỉ đọc) chỉ dùng được cùng DATABASE_URL (máy chủ PostgreSQL chính).');
  return {
    port: int('PORT', 3000),
    host: process.env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl,
    databaseReadUrl,
    pgliteSnapshot: join(ROOT, 'dist', 'pglite-empty'),
    pgliteSharedBuffers: memorySize('PGLITE_SHARED_BUFFERS'),
    sessionSecret: overrides.sessionSecret ?? sessionSecret(dataDir),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30),
    demo: bool('KEHOACH_DEMO', true),
    adminPassword: process.env.KEHOACH_ADMIN_PASSWORD || undefined,
    secureCookies: bool('SECURE_COOKIES', false),
    logLevel: process.env.LOG_LEVEL ?? 'info',
    loginDelayScale: 1,
    now: fixedClock(process.env.KEHOACH_NOW),
    filesDir: process.env.FILES_DIR ? resolve(process.env.FILES_DIR) : join(dataDir, 'files'),
    uploadMaxBytes: int('UPLOAD_MAX_MB', 20) * 1024 * 1024,
    smtp: smtpFromEnv(),
    reminderIntervalMinutes: int('REMINDER_INTERVAL_MINUTES', 15),
    publicUrl: (process.env.PUBLIC_URL ?? '').replace(/\/$/, ''),
    ...overrides,
  };
}
