import { END, START, StateGraph } from '@langchain/langgraph';
import type { PersonaAnalysisDeps } from './configuration';
import { aggregateProfile } from './nodes/aggregate-profile';
import { checkCitations } from './nodes/check-citations';
import { extractObservations } from './nodes/extract-observations';
import { loadMaterial } from './nodes/load-material';
import { measureFidelity } from './nodes/measure-fidelity';
import { PersonaAnalysisState, type PersonaAnalysisStateType } from './state';

/** Loops over chunks until all are observed; the chunk counter bounds the loop. */
export function routeAfterExtract(state: PersonaAnalysisStateType): 'extract-observations' | 'aggregate-profile' {
  return state.chunkIndex < state.chunks.length ? 'extract-observations' : 'aggregate-profile';
}

/**
 * load-material → extract-observations (one chunk per step, looped) → aggregate-profile →
 * check-citations → measure-fidelity. Dependencies come in; the caller compiles and runs it.
 */
export function createPersonaAnalysisGraph(deps: PersonaAnalysisDeps) {
  return new StateGraph(PersonaAnalysisState)
    .addNode('load-material', () => loadMaterial(deps))
    .addNode('extract-observations', (state) => extractObservations(deps, state))
    .addNode('aggregate-profile', (state) => aggregateProfile(deps, state))
    .addNode('check-citations', (state) => checkCitations(state))
    .addNode('measure-fidelity', (state) => measureFidelity(deps, state))
    .addEdge(START, 'load-material')
    .addEdge('load-material', 'extract-observations')
    .addConditionalEdges('extract-observations', routeAfterExtract, ['extract-observations', 'aggregate-profile'])
    .addEdge('aggregate-profile', 'check-citations')
    .addEdge('check-citations', 'measure-fidelity')
    .addEdge('measure-fidelity', END)
    .compile();
}
