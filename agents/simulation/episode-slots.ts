/**
 * At most `max` episodes play at once. The graph bounds this itself rather than through
 * LangGraph's maxConcurrency, which drops Send tasks when it is 1
 * (langchain-ai/langgraphjs#2656): a run then played one episode and ended without a report.
 */
export function episodeSlots(max: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so no newcomer can slip in between.
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
