import { StudyDatasetError } from '../../kernel/study';
import { DomainError } from '../errors';

/**
 * The one mapping from the kernel's StudyDatasetError to what clients see: code
 * STUDY_DATASET_INVALID with `table`, `line` and `column` (GraphQL `extensions`, and the same
 * fields in the upload route's 400 body). The message is the kernel's: the place and the reason,
 * sometimes with a short preview of the offending cell, which goes back only to the uploader
 * (it is their file) and is never logged — a refused upload is not an internal error.
 */
export class StudyDatasetInvalidError extends DomainError {
  constructor(message: string, where: { table: 'schema' | 'people' | 'pairs'; line: number | null; column: string | null }) {
    super('STUDY_DATASET_INVALID', message, { table: where.table, line: where.line, column: where.column });
  }
}

export function asStudyDatasetInvalid(err: unknown): unknown {
  if (err instanceof StudyDatasetError) return new StudyDatasetInvalidError(err.message, { table: err.table, line: err.line, column: err.column });
  return err;
}

/** Runs a parse step and rethrows a StudyDatasetError as the domain error (anything else unchanged). */
export async function mappingDatasetErrors<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw asStudyDatasetInvalid(err);
  }
}
