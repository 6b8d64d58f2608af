// Scheduled work of a kehoach process: the reminder job and the e-mail sender. Safe with several processes
// on one PostgreSQL (claims and SKIP LOCKED); a failing run is logged and the next one tries again.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { createTransport, sendPending } from './mailer.ts';
import { runReminders } from './reminders.ts';

function every(ms: number, log: FastifyBaseLogger, name: string, fn: () => Promise<unknown>) {
  let running = false;
  const tick = async () => {
    if (running) return; // the previous run is still going: skip rather than pile up
    running = true;
    try { await fn(); } catch (e) { log.error({ err: e }, `${name} failed`); } finally { running = false; }
  };
  const timer = setInterval(tick, ms);
  void tick();
  return () => clearInterval(timer);
}

export function startJobs(database: Database, config: Config, log: FastifyBaseLogger): () => void {
  const stops = [every(config.reminderIntervalMinutes * 60_000, log, 'reminders', () =>
    runReminders(database.db, config.now(), { email: !!config.smtp, publicUrl: config.publicUrl }))];
  if (config.smtp) {
    const transport = createTransport(config.smtp);
    const from = config.smtp.from;
    stops.push(every(30_000, log, 'email', () => sendPending(database.db, transport, from)));
  }
  return () => stops.forEach((stop) => stop());
}
