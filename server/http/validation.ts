// Turns Ajv validation errors into Vietnamese messages that name the field by its schema title.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

interface AjvError extends FastifySchemaValidationError {
  parentSchema?: { title?: string; properties?: Record<string, { title?: string }>; maxLength?: number; minLength?: number };
  schema?: unknown;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự', integer: 'số nguyên', number: 'số', boolean: 'đúng/sai', array: 'danh sách', object: 'đối tượng',
};

function fieldPath(e: AjvError): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return base ? `${base}.${missing}` : missing;
  }
  return base || (e.keyword === 'additionalProperties' ? String((e.params as { additionalProperty: string }).additionalProperty) : '_');
}

function label(e: AjvError, field: string): string {
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return e.parentSchema?.properties?.[missing]?.title ?? missing;
  }
  return e.parentSchema?.title ?? field;
}

function message(e: AjvError, name: string): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `Vui lòng nhập ${name}.`;
    case 'minLength': return p.limit === 1 ? `Vui lòng nhập ${name}.` : `${name} phải có ít nhất ${p.limit} ký tự.`;
    case 'maxLength': return `${name} không được dài quá ${p.limit} ký tự.`;
    case 'minimum': return `${name} phải lớn hơn hoặc bằng ${p.limit}.`;
    case 'maximum': return `${name} phải nhỏ hơn hoặc bằng ${p.limit}.`;
    case 'minItems': return `${name} phải có ít nhất ${p.limit} mục.`;
    case 'maxItems': return `${name} không được quá ${p.limit} mục.`;
    case 'type': return `${name} phải là ${TYPE_NAMES[String(p.type)] ?? p.type}.`;
    case 'format': return `${name} không đúng định dạng.`;
    case 'pattern': return `${name} không đúng định dạng.`;
    case 'enum': case 'const': case 'anyOf': return `${name} không thuộc các giá trị cho phép.`;
    case 'additionalProperties': return `Trường “${p.additionalProperty}” không được phép.`;
    default: return `${name} không hợp lệ.`;
  }
}

/** {field: message}, one message per field (the first one Ajv reports). */
export function validationDetails(errors: FastifySchemaValidationError[]): Record<string, string> {
  const details: Record<string, string> = {};
  for (const e of errors as AjvError[]) {
    // anyOf reports each failed branch too; the summary error names the field once.
    if (e.keyword === 'const' && (errors as AjvError[]).some((o) => o.keyword === 'anyOf' && o.instancePath === e.instancePath)) continue;
    const field = fieldPath(e);
    details[field] ??= message(e, label(e, field));
  }
  return details;
}
