// Which server answers a request's reads when a read replica is configured, and the response side of
// read-your-own-writes: after a change, the browser keeps the primary's WAL position in a cookie, so its
// next reads wait for (or skip) a replica that has not replayed that change yet. A cookie rather than
// process memory, so any kehoach process behind the load balancer honours it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { chooseReader, isReplicaFailure, LSN_COOKIE, parseLsn, primaryLsn } from '../db/replica.ts';

export const DB_HEADER = 'x-kehoach-db';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** Which server answered the request's database work; `primary` once anything ran there. */
    servedBy: 'replica' | 'primary' | null;
    /** A change committed (a mutation, even within a GET), so the response carries the WAL position. */
    wrote: boolean;
  }
}

export function markServed(req: FastifyRequest, by: 'replica' | 'primary') {
  if (req.servedBy !== 'primary') req.servedBy = by;
}

export function markWrote(req: FastifyRequest) {
  req.servedBy = 'primary';
  req.wrote = true;
}

/**
 * Runs a read on the replica when the rule allows it, else on the primary. Only GET requests: a changing
 * request reads what it is about to change, which must be current. A replica that fails at the connection
 * level is set aside for a while and the same read runs on the primary.
 */
export async function routeRead<T>(req: FastifyRequest, run: (db: Db) => Promise<T>): Promise<T> {
  const { database } = req.server.kh;
  const replica = database.replica;
  if (replica && SAFE_METHODS.has(req.method)) {
    const state = await replica.state();
    if (chooseReader(state, parseLsn(req.cookies[LSN_COOKIE])) === 'replica') {
      try {
        const result = await run(replica.db);
        markServed(req, 'replica');
        return result;
      } catch (err) {
        if (!isReplicaFailure(err)) throw err;
        replica.failed(err);
        req.log.warn({ err }, 'read replica failed; the primary answers instead');
      }
    }
  }
  markServed(req, 'primary');
  return run(database.db);
}

export function registerReadRouting(app: FastifyInstance) {
  app.decorateRequest('servedBy', null);
  app.decorateRequest('wrote', false);
  const { database, config } = app.kh;
  if (!database.replica) return;
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.servedBy) reply.header(DB_HEADER, req.servedBy);
    const changing = req.wrote || (!SAFE_METHODS.has(req.method) && req.url.startsWith('/api/'));
    if (changing && reply.statusCode < 400) {
      try {
        // Taken after the change committed (the handler has returned), so a replica past it has the change.
        const lsn = await primaryLsn(database.db);
        // An hour bounds a cookie that outlives its cluster (a restored or rebuilt primary starts over).
        reply.setCookie(LSN_COOKIE, lsn, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 3600 });
      } catch (err) {
        req.log.warn({ err }, 'could not read the primary WAL position; the next reads may see the replica lag');
      }
    }
    return payload;
  });
}
