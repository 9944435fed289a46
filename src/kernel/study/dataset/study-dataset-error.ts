/**
 * A study dataset (its schema, people table or pairs table) that cannot be read. Carries where:
 * the table, the 1-based physical line of the file (CSV) or row number (JSON, row index + 1),
 * and the column name, so an analyst can find the cell. The domain layer maps it once to a
 * DomainError; the kernel stays free of GraphQL concerns.
 */
export type StudyTable = 'schema' | 'people' | 'pairs';

export class StudyDatasetError extends Error {
  readonly code = 'STUDY_DATASET_INVALID' as const;

  constructor(
    readonly table: StudyTable,
    readonly line: number | null,
    readonly column: string | null,
    /** What is wrong, without the location (the message adds it). */
    readonly reason: string,
  ) {
    super(`${table}${line === null ? '' : ` line ${line}`}${column === null ? '' : ` column "${column}"`}: ${reason}`);
    this.name = 'StudyDatasetError';
  }
}
