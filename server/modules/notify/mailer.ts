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

/**
 * Sends up to `batch` pending e-mails. A crash between the SMTP server accepting a mail and the row being
 * marked sent would send it again after the lease expires; the stable Message-ID makes that copy recognisable.
 */
export async function sendPending(db: Db, transport: Transporter, from: string, batch = 20): Promise<{ sent: number; failed: number }> {
  const leased = await withSystem(db, async (tx) => {
    const ids = rowsOf<{ id: string }>(await tx.execute(sql`
      SELECT id FROM email_outbox WHERE status = 'pending' AND (locked_until IS NULL OR locked_until < now())
      ORDER BY created_at LIMIT ${batch} FOR UPDATE SKIP LOCKED`)).map((r) => r.id);
    if (!ids.length) return [];
    return tx.update(emailOutbox).set({ lockedUntil: sql`now() + interval '5 minutes'`, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, ids)).returning();
  });
  const result = { sent: 0, failed: 0 };
  for (const mail of leased) {
    try {
      await transport.sendMail({ from, to: mail.toAddress, subject: mail.subject, text: mail.body, messageId: mail.messageId });
      await withSystem(db, (tx) => tx.update(emailOutbox).set({ status: 'sent', sentAt: new Date(), lockedUntil: null }).where(eq(emailOutbox.id, mail.id)));
      result.sent++;
    } catch (e) {
      const give = mail.attempts >= MAX_ATTEMPTS;
      // Back off a little more after each failure: 1, 2, 3 … minutes.
      await withSystem(db, (tx) => tx.update(emailOutbox).set({
        status: give ? 'failed' : 'pending', lastError: String((e as Error).message).slice(0, 500),
        lockedUntil: sql`now() + make_interval(mins => ${mail.attempts})`,
      }).where(eq(emailOutbox.id, mail.id)));
      result.failed++;
    }
  }
  return result;
}
