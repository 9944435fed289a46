import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAppSchema } from '../../../graphql/build-schema';
import { printAppSchema } from '../../../graphql/print-schema';

/** `soullink emit-schema`: writes graphql/schema.graphql (committed; a test checks it is current). */
export async function emitSchemaCommand(): Promise<void> {
  const file = resolve('graphql/schema.graphql');
  writeFileSync(file, printAppSchema(await buildAppSchema()));
  process.stdout.write(`Wrote ${file}\n`);
}
