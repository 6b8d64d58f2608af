// The one place that talks to the API: CSRF header, JSON, errors as ApiError, 401 → log-in page.
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details?: Record<string, string>,
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (token: string) => { csrfToken = token; };

type UnauthorizedHandler = (message: string) => void;
let onUnauthorized: UnauthorizedHandler = (msg) => {
  sessionStorage.setItem('kh.loginMessage', msg);
  window.location.assign('/dang-nhap');
};
export const setUnauthorizedHandler = (fn: UnauthorizedHandler) => { onUnauthorized = fn; };

// Log-in and password checks answer 401 for wrong credentials; those must not bounce the user.
const NO_REDIRECT = ['/api/auth/login', '/api/auth/password'];

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['x-csrf-token'] = csrfToken;
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const text = await res.text();
  let data: unknown = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!res.ok) {
    const e = (data ?? {}) as { error?: string; message?: string; details?: Record<string, string> };
    const err = new ApiError(res.status, e.error ?? 'error', e.message ?? `Lỗi máy chủ (${res.status}).`, e.details);
    if (res.status === 401 && !NO_REDIRECT.includes(path)) onUnauthorized(err.message);
    throw err;
  }
  return data as T;
}

/** multipart upload of files (field "file"); the server answers with the stored files. */
export async function upload<T>(path: string, files: File[]): Promise<T> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken, accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const data = await res.json().catch(() => null) as { error?: string; message?: string; details?: Record<string, string> } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error ?? 'error', data?.message ?? `Lỗi máy chủ (${res.status}).`, data?.details);
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, string | number | boolean | undefined | null>) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
    const s = qs.toString();
    return request<T>('GET', s ? `${path}?${s}` : path);
  },
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

// Shapes returned by the API, as the pages use them.
export interface Me {
  user: { id: string; username: string; displayName: string; isSystemAdmin: boolean };
  tenant: { id: string; code: string; name: string } | null;
  tenants: { id: string; code: string; name: string }[];
  grants: { role: string; unitId: string; unitName: string }[];
  permissions: string[];
  csrfToken: string;
  sessionIdleMinutes: number;
}

export interface Unit {
  id: string; parentId: string | null; kind: string; kindLabel: string; name: string; shortName: string | null;
  aliases: string[]; sortOrder: number; active: boolean; depth: number;
  can: { view: boolean; manage: boolean; managePeople: boolean; managePlans: boolean; recordProgress: boolean };
}
export interface UnitDetail extends Unit {
  breadcrumb: { id: string; name: string }[]; peopleCount: number; childCount: number; allowedChildKinds: string[];
}
export interface Person {
  id: string; unitId: string; unitName: string; fullName: string; position: string | null; title: string | null;
  email: string | null; phone: string | null; active: boolean; can: { manage: boolean };
}
export interface UserGrant { id: string; role: string; roleLabel: string; unitId: string; unitName: string; canRevoke: boolean }
export interface UserAccount {
  id: string; username: string; displayName: string; active: boolean; personId: string | null; personName: string | null;
  lastLoginAt: string | null; grants: UserGrant[];
  /** The signed-in person's own account (no self-grants, no locking oneself out). */
  self: boolean;
}
export interface AuditEvent {
  id: string; seq: number; createdAt: string; actorName: string | null; action: string; actionLabel: string;
  entityType: string; entityLabel: string; entityId: string | null; summary: string;
  before: Record<string, unknown> | null; after: Record<string, unknown> | null; requestId: string | null; ip: string | null;
}
