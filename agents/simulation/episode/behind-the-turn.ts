/**
 * Resolves on the event loop's next check phase (setImmediate): after the promise chain that
 * is running now has settled. A turn's step runs as one such chain, from the agent's model
 * reply through LangGraph's commit and routing to the next agent's model request; work that
 * first awaits this starts once that request is out, and runs while the model answers,
 * instead of delaying it.
 */
export const behindTheTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
