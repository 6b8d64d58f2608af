// Request hooks: load the session from its cookie, refuse cross-site writes, enforce each route's authz.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, canForTenant } from '../../../core/auth/policy.ts';
import { withSystem } from '../../db/context.ts';
import { errors } from '../../http/errors.ts';
import { currentUser } from '../../http/request.ts';
import { loadSession, SESSION_COOKIE } from './sessions.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/** A browser sends Origin on cross-site requests; when present it must be this server. */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function registerAuthHooks(app: FastifyInstance) {
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const { database, config } = app.kh;
      req.session = await withSystem(database.db, (tx) => loadSession(tx, token, config.sessionIdleMinutes));
    }
    if (SAFE_METHODS.has(req.method)) return;
    // State-changing requests: same origin, and the session's CSRF token when signed in.
    if (!sameOrigin(req)) throw errors.csrf();
    if (req.session && req.headers[CSRF_HEADER] !== req.session.csrfToken) throw errors.csrf();
  });

  app.addHook('preValidation', async (req) => {
    if (!req.routeOptions.url?.startsWith('/api/')) return; // the web client's static files
    const authz = req.routeOptions.config.authz;
    if (authz === 'public') return;
    if (!req.session) throw errors.unauthenticated(req.cookies[SESSION_COOKIE] ? 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' : undefined);
    if (authz === 'authenticated') return;
    const wholeTenant = req.routeOptions.config.wholeTenant === true;
    if (!authz || !(wholeTenant ? canForTenant(currentUser(req), authz) : can(currentUser(req), authz))) {
      throw errors.forbidden(wholeTenant ? 'Việc này thuộc quyền của Sở (quyền được cấp trên đơn vị Sở Y tế), không phải của một đơn vị.' : undefined);
    }
  });

  // Routes without a declared rule are a programming error: refuse to start.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD') return;
    // The API reference page (swagger-ui's own routes) is public documentation.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, authz: 'public' };
    if (!route.config?.authz) throw new Error(`Route ${route.method} ${route.url} has no authz rule`);
  });
}
