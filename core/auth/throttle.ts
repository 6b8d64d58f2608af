// Wrong passwords: first slowed down, then the account name is locked for a while.

export interface ThrottleRule {
  /** Failures answered at full speed. */
  freeFailures: number;
  /** Extra delay per failure beyond the free ones. */
  delayStepMs: number;
  /** Failures that lock the name. */
  lockAfter: number;
  lockMinutes: number;
}

export const DEFAULT_THROTTLE: ThrottleRule = { freeFailures: 2, delayStepMs: 1000, lockAfter: 5, lockMinutes: 15 };

/** How long to hold the answer to a failed attempt, given the failures so far (this one included). */
export function failureDelayMs(failures: number, rule = DEFAULT_THROTTLE): number {
  return Math.max(0, failures - rule.freeFailures) * rule.delayStepMs;
}

/** When the name becomes locked after this failure, or null. */
export function lockUntil(failures: number, now: Date, rule = DEFAULT_THROTTLE): Date | null {
  return failures >= rule.lockAfter ? new Date(now.getTime() + rule.lockMinutes * 60_000) : null;
}

export function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Tài khoản tạm thời bị khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${minutes} phút.`;
}
