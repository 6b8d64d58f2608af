import { prepareSnapshot } from './engines.ts';

export default async function setup() {
  await prepareSnapshot('pglite');
}
