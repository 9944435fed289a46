import type { ChatCompletionRequest } from '../openai-compat/chat-completion.request';
import { generateOptions, TEMPLATE_END_MARKERS, toTurns } from './offline-chat.handler';

const signal = new AbortController().signal;
const request = (fields: Partial<ChatCompletionRequest> & Record<string, unknown> = {}): ChatCompletionRequest =>
  ({ model: 'tinyllama', messages: [{ role: 'system', content: 'You are Mei.' }, { role: 'user', content: 'Hi!' }], ...fields }) as ChatCompletionRequest;

describe('offline chat handler: what the local model is asked', () => {
  it('When a role-play line is requested with a seed, temperature and stops, Then all reach the model, with the template’s end markers added and repetition penalised', () => {
    const options = generateOptions(request({ seed: 42, temperature: 0.8, stop: ['Alex:', '\n\n'], max_tokens: 64 }), signal);
    expect(options).toMatchObject({ seed: 42, temperature: 0.8, maxTokens: 64 });
    expect(options.stop).toEqual(expect.arrayContaining(['Alex:', '\n\n', '</s>', '<|user|>']));
    expect(options.stop).toHaveLength(2 + TEMPLATE_END_MARKERS.length);
    expect(options.repeatPenalty).toMatchObject({ penalty: 1.1, frequencyPenalty: 0.2, lastTokens: 64 });
    // The small model's noisy tail is cut before sampling.
    expect(options.minP).toBe(0.1);
  });

  it('When the request sets OpenAI frequency and presence penalties, Then they are used (clamped to the model’s 0…1)', () => {
    const options = generateOptions(request({ frequency_penalty: 1.5, presence_penalty: 0.3 }), signal);
    expect(options.repeatPenalty).toMatchObject({ frequencyPenalty: 1, presencePenalty: 0.3 });
  });

  it('When JSON is requested under a schema, Then no repetition penalty bends the JSON and no end markers are added', () => {
    const schema = { type: 'object', properties: { score: { type: 'integer' } }, required: ['score'] };
    const options = generateOptions(request({ response_format: { type: 'json_schema', json_schema: { name: 's', schema } } }), signal);
    expect(options.repeatPenalty).toBe(false);
    expect(options.stop).toBeUndefined();
    expect(options.minP).toBeUndefined();
    expect(options.jsonSchema).toEqual(schema);
  });

  it('When JSON is requested under a schema, Then the schema is stated after the last message, so calls sharing their opening share the evaluated prompt', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const turns = toTurns(request({ messages: [{ role: 'user', content: 'Transcript…\nScore these.' }], response_format: { type: 'json_schema', json_schema: { name: 's', schema } } }));
    expect(turns).toHaveLength(1);
    expect(turns[0]!.content).toBe('Transcript…\nScore these.\n\nAnswer with JSON of this shape, your own words and numbers in place of … and <…>:\n{"a": "…"}');
  });
});
