// The e-mail outbox: a worker leases pending rows (SKIP LOCKED, so two processes never take the same one),
// sends them over SMTP with their stable Message-ID, and marks them sent — or backs off and retries.
import { eq, inArray, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../../config.ts';
import { rowsOf, type Db } from '../../db/client.ts';
import { withSystem } from '../../db/context.ts';
import { emailOutbox } from '../../db/schema/index.ts';

const MAX_ATTEMPTS = 5;

export function createTransport(smtp: SmtpConfig): Transporter {
  return nodemailer.createTransport({
    host: smtp.host, port: smtp.port, secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
  });
}

export interface SendOptions {
  /** The sender (SMTP_FROM). */
  from: string;
  /** How many rows one call leases. */
  batch?: number;
}

/** Leases up to `batch` pending e-mails for five minutes; the lease is committed before anything is sent. */
async function lease(db: Db, batch: number) {
  return withSystem(db, async (tx) => {
    const ids = rowsOf<{ id: string }>(await tx.execute(sql`
      SELECT id FROM email_outbox WHERE status = 'pending' AND (locked_until IS NULL OR locked_until < now())
      ORDER BY created_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`)).map((r) => r.id);
    if (!ids.length) return [];
    return tx.update(emailOutbox).set({ lockedUntil: sql`now() + interval '5 minutes'`, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, ids)).returning();
  });
}

/** Sends the leased e-mails one by one; a failed one is retried later, and given up after five attempts. */
export async function sendPending(db: Db, transport: Transporter, opts: SendOptions): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  for (const mail of await lease(db, opts.batch ?? 20)) {
    try {
      await transport.sendMail({
        from: opts.from, to: mail.toAddress, subject: mail.subject, text: mail.body, messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' }, // no out-of-office replies to a robot
      });
    } catch (e) {
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      // Back off a little more after each failure: 1, 2, 3 … minutes.
      await withSystem(db, (tx) => tx.update(emailOutbox).set({
        status: giveUp ? 'failed' : 'pending', lastError: String((e as Error).message).slice(0, 500),
        lockedUntil: sql`now() + make_interval(mins => ${mail.attempts})`,
      }).where(eq(emailOutbox.id, mail.id)));
      result.failed++;
      continue;
    }
    // Duplicate window: a crash after the server accepted the mail and before this mark resends it when the lease ends; the stable Message-ID shows it is the same mail.
    await withSystem(db, (tx) => tx.update(emailOutbox).set({ status: 'sent', sentAt: sql`now()`, lockedUntil: null, lastError: '' }).where(eq(emailOutbox.id, mail.id)));
    result.sent++;
  }
  return result;
}
