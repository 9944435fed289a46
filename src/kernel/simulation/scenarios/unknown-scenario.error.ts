import { DomainError } from '../../errors';

/** A simulation asked for a scenario id that is in neither the library nor the user's templates. */
export class UnknownScenarioError extends DomainError {
  constructor(readonly scenarioId: string) {
    super('NOT_FOUND', `Unknown scenario: ${scenarioId}`, { scenarioId });
  }
}
