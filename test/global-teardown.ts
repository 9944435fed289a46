import { stopTestServices } from './support/test-services';

export default async function globalTeardown(): Promise<void> {
  await stopTestServices();
}
