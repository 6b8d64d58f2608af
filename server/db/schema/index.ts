export * from './common.ts';
export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './plans.ts';
export * from './notify.ts';
export * from './imports.ts';
