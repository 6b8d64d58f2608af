// Values made from a route's own JSON schema, for tests that send every route something (fuzz, access matrix).
export type Schema = { allOf?: Schema[]; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; enum?: unknown[]; format?: string; pattern?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; minItems?: number; maxItems?: number };

export const UUID = '00000000-0000-4000-8000-000000000000';

export const options = (s: Schema): Schema[] => s.anyOf ?? [s];
export const typeOf = (s: Schema) => [options(s)[0].type].flat()[0];

/** A value the schema accepts: required fields only, each its first enum value, minimum, or a short Vietnamese text. */
export function sample(s: Schema): unknown {
  if (s.allOf) return Object.assign({}, ...s.allOf.map(sample));
  const o = options(s).find((x) => x.type !== 'null') ?? options(s)[0];
  if (o.enum) return o.enum[0];
  switch (typeOf(o)) {
    case 'object': return Object.fromEntries((o.required ?? []).map((k) => [k, sample(o.properties![k])]));
    case 'array': return Array.from({ length: o.minItems ?? 0 }, () => sample(o.items ?? {}));
    case 'integer': case 'number': return o.minimum ?? 1;
    case 'boolean': return false;
    case 'null': return null;
    default:
      if (o.format === 'uuid') return UUID;
      if (o.format === 'date') return '2026-01-15';
      if (o.pattern?.includes('(0[1-9]|1[0-2])')) return '2026-01';
      return 'Kiểm thử'.padEnd(o.minLength ?? 1, 'x').slice(0, o.maxLength ?? 100);
  }
}

