// Types of build-state.mjs (plain JavaScript, run by node before any TypeScript loader exists).
export const ROOT: string;
export const SERVER_OUT: string;
export const SERVER_ENTRY: string;
export const SERVER_INPUTS: string;
export const SNAPSHOT: string;
export function freshServerBundle(): string | null;
export function snapshotDue(snapshot?: string): boolean;
