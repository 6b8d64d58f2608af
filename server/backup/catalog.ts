// What a backup holds, read from the database's own catalog rather than listed by hand, so a table that a
// new migration adds is backed up without anyone remembering to add it here.
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../db/client.ts';

/**
 * Tables of the public schema that are not data. `kehoach_migrations` describes the schema, which restore
 * rebuilds by running the code's own migrations. `sessions` are live log-ins: each id is a bearer secret that a
 * backup file should not carry, and that a restored (maybe moved) system should not honour; users sign in again.
 */
export const NOT_DATA = ['kehoach_migrations', 'sessions'];

export interface Column {
  name: string;
  /** As format_type prints it, valid SQL for a cast: "timestamp with time zone", "uuid[]". */
  type: string;
  /** Ordered by "C" (byte order) when it is part of the order: collations differ between servers. */
  collatable: boolean;
  /** GENERATED ALWAYS AS … STORED: hashed, but recomputed by the database rather than loaded. */
  generated: boolean;
}

export interface TableInfo {
  name: string;
  columns: Column[];
  /** Primary-key columns; empty when the table has none (link tables), then rows are ordered by their text. */
  key: string[];
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Output settings that make every value's text the same on any server version: dates, floats, bytes. */
export async function canonicalSettings(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
    set_config('IntervalStyle', 'postgres', true), set_config('bytea_output', 'hex', true), set_config('extra_float_digits', '1', true)`);
}

/** Every table of the public schema that holds data, sorted by name (code-unit order, the same everywhere). */
export async function dataTables(tx: Tx): Promise<TableInfo[]> {
  const rows = rowsOf<{ name: string; columns: Column[]; key: string[] | null }>(await tx.execute(sql`
    SELECT c.relname AS name,
      (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                'collatable', a.attcollation <> 0, 'generated', a.attgenerated <> '') ORDER BY a.attnum)
         FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
      (SELECT json_agg(a.attname ORDER BY k.ord)
         FROM pg_index i CROSS JOIN unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary) AS key
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'`));
  return rows
    .filter((t) => !NOT_DATA.includes(t.name))
    .map((t) => ({ name: t.name, columns: t.columns, key: t.key ?? [] }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every table of the public schema but the migrations: what `restore --force` empties (sessions included). */
export async function allTablesButMigrations(tx: Tx): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(await tx.execute(sql`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'kehoach_migrations'`));
  return rows.map((r) => r.name);
}

export interface OwnedSequence { name: string; table: string; column: string }

/** Sequences behind serial and identity columns (audit_events.id today), which restore moves past the loaded ids. */
export async function ownedSequences(tx: Tx): Promise<OwnedSequence[]> {
  return rowsOf<OwnedSequence>(await tx.execute(sql`
    SELECT s.relname AS name, t.relname AS "table", a.attname AS "column"
    FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
    JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE s.relkind = 'S' AND n.nspname = 'public'
    ORDER BY 1`));
}

/** The migrations applied to this database, in order (the restore target must have exactly the same). */
export async function appliedMigrations(tx: Tx): Promise<{ tag: string; hash: string }[]> {
  return rowsOf<{ tag: string; hash: string }>(await tx.execute(sql`SELECT tag, hash FROM kehoach_migrations ORDER BY idx`));
}
