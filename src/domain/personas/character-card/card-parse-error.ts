import { ValidationError } from '../../errors';

/**
 * A character card (JSON or PNG) that cannot be imported. `path` names the offending spot,
 * e.g. `data.alternate_greetings.2` or `png`, so the user can fix the card; it surfaces to
 * clients as VALIDATION_FAILED with `field` set to that path.
 */
export class CardParseError extends ValidationError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path, `Invalid character card at ${path}: ${reason}`, { reason });
  }
}
