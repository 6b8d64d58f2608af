// Entry of the import worker thread: registers tsx in this thread (hooks are per thread), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
