// Runs the committed, drizzle-kit-generated migrations on either engine, in order, each in a
// transaction, and refuses a database whose applied list has diverged from the code's.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  tag: string;
  hash: string;
  statements: string[];
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map(({ tag }) => {
    const text = readFileSync(join(dir, `${tag}.sql`), 'utf8');
    return {
      tag,
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text.split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean),
    };
  });
}

export class MigrationDivergedError extends Error {}

/** Applies pending migrations; returns the tags applied now. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS kehoach_migrations (
    idx integer PRIMARY KEY, tag text NOT NULL, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = rowsOf(await db.execute(sql`SELECT idx, tag, hash FROM kehoach_migrations ORDER BY idx`)) as {
    idx: number; tag: string; hash: string;
  }[];
  applied.forEach((row, i) => {
    const code = migrations[i];
    if (!code || code.tag !== row.tag || code.hash !== row.hash) {
      throw new MigrationDivergedError(
        `Cơ sở dữ liệu đã áp dụng migration "${row.tag}" (thứ ${i + 1}) ` +
          (code ? `nhưng mã nguồn có "${code.tag}"${code.tag === row.tag ? ' với nội dung khác' : ''}` : 'mà mã nguồn không có') +
          '. Không khởi động để tránh làm hỏng dữ liệu: hãy dùng đúng phiên bản kehoach đã tạo cơ sở dữ liệu này.',
      );
    }
  });
  const done: string[] = [];
  for (let i = applied.length; i < migrations.length; i++) {
    const m = migrations[i];
    await db.transaction(async (tx) => {
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO kehoach_migrations (idx, tag, hash) VALUES (${i}, ${m.tag}, ${m.hash})`);
    });
    done.push(m.tag);
  }
  return done;
}
