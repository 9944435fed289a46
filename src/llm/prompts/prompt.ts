/**
 * A versioned prompt. Prompts live in their graph's `prompts.ts` as `definePrompt(...)`
 * values, never as strings inside nodes; every call records name and version so a report
 * can say what produced it. Bump `version` whenever the text changes meaning.
 */
export interface Prompt<V extends Record<string, string | number>> {
  name: string;
  version: number;
  render(vars: V): string;
}

const registry = new Map<string, Prompt<any>>();

export function definePrompt<V extends Record<string, string | number>>(def: { name: string; version: number; template: string }): Prompt<V> {
  const existing = registry.get(def.name);
  if (existing && existing.version !== def.version) {
    throw new Error(`prompt ${def.name} defined twice with versions ${existing.version} and ${def.version}`);
  }
  const prompt: Prompt<V> = {
    name: def.name,
    version: def.version,
    render(vars) {
      return def.template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
        if (!(key in vars)) throw new Error(`prompt ${def.name}@${def.version}: missing variable ${key}`);
        return String(vars[key]);
      });
    },
  };
  registry.set(def.name, prompt);
  return prompt;
}

/** Every prompt defined so far, for reports and audits. */
export function registeredPrompts(): { name: string; version: number }[] {
  return [...registry.values()].map(({ name, version }) => ({ name, version }));
}
