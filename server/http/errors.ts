// One error shape for every failure: {error: <stable code>, message: <Vietnamese>, details?: {field: message}}.

export type ErrorCode =
  | 'validation_error' | 'invalid_json' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict'
  | 'locked' | 'too_many_requests' | 'payload_too_large' | 'unsupported_media_type' | 'csrf' | 'internal_error';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }
}

export const errors = {
  validation: (details: Record<string, string>) =>
    new AppError(400, 'validation_error', `Dữ liệu không hợp lệ: ${Object.values(details)[0] ?? ''}`.trim(), details),
  field: (field: string, message: string) => errors.validation({ [field]: message }),
  unauthenticated: (message = 'Vui lòng đăng nhập để tiếp tục.') => new AppError(401, 'unauthenticated', message),
  forbidden: (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError(403, 'forbidden', message),
  notFound: (what: string) => new AppError(404, 'not_found', `Không tìm thấy ${what}.`),
  conflict: (message: string, details?: Record<string, string>) => new AppError(409, 'conflict', message, details),
  locked: (message: string) => new AppError(423, 'locked', message),
  tooManyRequests: (message: string) => new AppError(429, 'too_many_requests', message),
  csrf: () => new AppError(403, 'csrf', 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.'),
};

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  details?: Record<string, string>;
  requestId?: string;
}
