// Test helpers of the notify capability: a real SMTP listener that keeps what it receives, and a user with an e-mail.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';
import type { Client } from '../../test/harness.ts';
import { createTransport } from './mailer.ts';

export interface ReceivedMail { messageId: string; to: string; subject: string; text: string; autoSubmitted: string }

export interface SmtpListener {
  inbox: ReceivedMail[];
  /** The SMTP settings that reach this listener, as server/config.ts would build them. */
  smtp: { host: string; port: number; secure: boolean; user: undefined; pass: undefined; from: string };
  transport(): ReturnType<typeof createTransport>;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 (a free port, no TLS, no log-in) that parses every message it accepts and refuses mail to reject@…. */
export async function startSmtp(): Promise<SmtpListener> {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(address, _session, done) {
      done(address.address.startsWith('reject@') ? Object.assign(new Error('Hộp thư không tồn tại'), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        inbox.push({
          messageId: m.messageId ?? '', to: (m.to as { text: string }).text, subject: m.subject ?? '', text: m.text ?? '',
          autoSubmitted: String(m.headers.get('auto-submitted') ?? ''),
        });
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const smtp = { host: '127.0.0.1', port: (server.server.address() as AddressInfo).port, secure: false, user: undefined, pass: undefined, from: 'kehoach <nhacviec@soyte.vn>' };
  return {
    inbox, smtp,
    transport: () => createTransport(smtp),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Gives an account an e-mail address the way an administrator does: a person in the unit, linked to the account. */
export async function giveEmail(admin: Client, username: string, unitId: string, fullName: string, email: string) {
  const person = (await admin.post('/api/org/people', { unitId, fullName, email })).body;
  const user = (await admin.get('/api/org/users')).body.items.find((u: { username: string }) => u.username === username);
  expect((await admin.patch(`/api/org/users/${user.id}`, { personId: person.id })).status).toBe(200);
}
