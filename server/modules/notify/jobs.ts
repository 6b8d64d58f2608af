// Scheduled work of a kehoach process: the reminder job and the e-mail sender. Safe with several processes
// on one PostgreSQL (claims and SKIP LOCKED); a failing run is logged and the next one tries again.
import type { FastifyBaseLogger } from 'fastify';
import type { Config, SmtpConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { createTransport, sendPending } from './mailer.ts';
import { runReminders } from './reminders.ts';

/** How a job has fared in this process, for /api/health: an operator (and the benchmark) sees runs end. */
export interface JobState { runs: number; running: boolean; lastRunMs: number | null; lastError: string | null }
export type JobsState = Record<'reminders', JobState>;

export const newJobsState = (): JobsState => ({ reminders: { runs: 0, running: false, lastRunMs: null, lastError: null } });

/** A job run now and then every `ms`; a tick that finds the previous run still going is skipped. */
function every(ms: number, log: FastifyBaseLogger, name: string, fn: () => Promise<unknown>, state?: JobState) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped || running) return;
    const started = performance.now();
    if (state) state.running = true;
    running = fn()
      .then(() => { if (state) state.lastError = null; }, (err: unknown) => {
        log.error({ err }, `${name} failed`);
        if (state) state.lastError = (err as Error).message;
      })
      .finally(() => {
        if (state) Object.assign(state, { running: false, runs: state.runs + 1, lastRunMs: Math.round(performance.now() - started) });
        running = null;
        if (again) { again = false; run(); }
      });
  };
  const timer = setInterval(run, ms);
  run();
  return {
    /** Run as soon as possible: now, or once more right after the run in progress. */
    kick: () => { if (running) again = true; else run(); },
    /** No new runs; resolves when the one in progress has ended, so the database can close after it. */
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}

function sendJob(database: Database, smtp: SmtpConfig, log: FastifyBaseLogger) {
  const transport = createTransport(smtp);
  return every(30_000, log, 'email', () => sendPending(database.db, transport, { from: smtp.from }));
}

/**
 * Starts the jobs (reminders every REMINDER_INTERVAL_MINUTES, e-mail every 30 s when SMTP is set); returns their
 * stop. `state` is kept current for /api/health.
 */
export function startJobs(database: Database, config: Config, log: FastifyBaseLogger, state?: JobsState): () => Promise<void> {
  const sender = config.smtp ? sendJob(database, config.smtp, log) : null;
  const reminders = every(config.reminderIntervalMinutes * 60_000, log, 'reminders', async () => {
    const made = await runReminders(database.db, config.now(), { emailEnabled: !!sender, publicUrl: config.publicUrl });
    log.debug(made, 'reminders run'); // how an operator (and the two-process test) sees that each process ran it
    if (made.emails) sender?.kick(); // send what was just queued rather than up to 30 s later
  }, state?.reminders);
  return async () => { await Promise.all([reminders.stop(), sender?.stop()]); };
}
