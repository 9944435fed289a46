import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config';
import { OFFLINE_CHAT_MODEL, llmSettingsFromConfig } from './llm-settings-from-config';

const config = (env: Record<string, string>) => loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'soullink-llm-')), ...env }).llm;
const noOffline = async () => 'http://unused';

describe('llmSettingsFromConfig', () => {
  it('When no endpoint or key is configured, Then every tier is the offline model with local moderation', () => {
    const settings = llmSettingsFromConfig(config({}), noOffline);
    expect(settings.mode).toBe('offline');
    expect(settings.tiers.chat.map((r) => r.model)).toEqual([OFFLINE_CHAT_MODEL]);
    expect(settings.moderation).toBe('local');
  });

  it('When tiers list models on several endpoints, Then each tier keeps its fallback order and endpoints', () => {
    const settings = llmSettingsFromConfig(
      config({
        LLM_BASE_URL: 'http://127.0.0.1:9/v1',
        LLM_API_KEY: 'k',
        LLM_ENDPOINTS: JSON.stringify({ local: { baseUrl: 'http://127.0.0.1:11434/v1' } }),
        LLM_CHAT_MODELS: 'deepseek-chat, llama3:8b@local',
        LLM_PRICES: JSON.stringify({ 'llama3:8b': { input: 0, output: 0 } }),
      }),
      noOffline,
    );
    expect(settings.mode).toBe('remote');
    expect(settings.tiers.chat.map((r) => [r.model, r.endpoint.name])).toEqual([
      ['deepseek-chat', 'default'],
      ['llama3:8b', 'local'],
    ]);
    expect(settings.prices['llama3:8b']).toEqual({ input: 0, output: 0 });
    expect(settings.prices['gpt-4o']).toBeDefined();
    expect(settings.moderation).toBe('local');
  });

  it('When a tier names an unknown endpoint, Then the error names the variable', () => {
    expect(() => llmSettingsFromConfig(config({ LLM_API_KEY: 'k', LLM_FAST_MODELS: 'x@nowhere' }), noOffline)).toThrow(/LLM_FAST_MODELS/);
  });

  it('When LLM_ENDPOINTS is not valid JSON, Then startup names it', () => {
    expect(() => config({ LLM_ENDPOINTS: '{oops' })).toThrow(/LLM_ENDPOINTS: is not valid JSON/);
  });
});
