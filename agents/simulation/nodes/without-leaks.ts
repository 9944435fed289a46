/**
 * Small models sometimes echo their instructions. A line that repeats the private goal or
 * the prompt's scaffolding would leak this agent's private state into the shared
 * transcript, so it is dropped.
 */
export function withoutLeaks(text: string, goal: string, speaker?: string): string {
  const goalProbe = goal.slice(0, 40).toLowerCase();
  return text
    .split('\n')
    .filter((line) => {
      const l = line.toLowerCase();
      return !l.includes('private goal') && !(goalProbe.length > 10 && l.includes(goalProbe)) && !l.includes('stay in character');
    })
    .join('\n')
    // Small models also prefix their own name ("Mei: …"), as if writing a script.
    .replace(speaker ? new RegExp(`^\\s*${speaker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:：]\\s*`) : /^(?!)/, '');
}
