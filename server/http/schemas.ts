// Schema building blocks shared by routes: every field carries a Vietnamese title, which
// validation messages use to name it.
import { Type, type TSchema } from 'typebox';

export const text = (title: string, opts: { min?: number; max?: number } = {}) =>
  Type.String({ title, minLength: opts.min ?? 0, maxLength: opts.max ?? 500 });

export const requiredText = (title: string, max = 300) => text(title, { min: 1, max });

export const uuid = (title: string) => Type.String({ title, format: 'uuid' });

export const oneOf = <T extends string>(values: readonly T[], title: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], title });

export const IdParams = Type.Object({ id: uuid('Mã bản ghi') });

export const ErrorResponse = Type.Object({
  error: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.String())),
  requestId: Type.Optional(Type.String()),
});

/** Responses documented for every route besides its 2xx. */
export const errorResponses = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const Ok = Type.Object({ ok: Type.Literal(true) });

export const withErrors = <T extends Record<number, TSchema>>(ok: T) => ({ ...ok, ...errorResponses });

export const isoDate = (title: string) => Type.String({ title, format: 'date' });

/** A calendar month, yyyy-mm. */
export const isoMonth = (title: string) => Type.String({ title, pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });
