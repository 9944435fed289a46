import type { RequestLog } from './request-log';
import type { StubKnobTable } from './stub-knobs';
import type { StubScriptBook } from './stub-script';

/** The stub's mutable state, shared by its handlers and its control routes. */
export interface StubState {
  knobs: StubKnobTable;
  script: StubScriptBook;
  log: RequestLog;
}
