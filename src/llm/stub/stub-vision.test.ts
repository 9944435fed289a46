import { visionReply } from './stub-vision';
import type { ChatCompletionRequest } from '../openai-compat/chat-completion.request';

const image = `data:image/jpeg;base64,${Buffer.from('not really a jpeg').toString('base64')}`;
const request = (extra: Partial<ChatCompletionRequest> = {}): ChatCompletionRequest => ({
  model: 'stub-vision',
  messages: [{ role: 'user', content: [{ type: 'text', text: 'What is in this photo?' }, { type: 'image_url', image_url: { url: image } }] }],
  ...extra,
});

describe('stub vision', () => {
  it('When a request shows an image, Then the same image always gets the same description', () => {
    expect(visionReply(request())).toBe(visionReply(request()));
    expect(visionReply(request())).toMatch(/^stub vision: image 1 of 1 \(image\/jpeg, 0\.0 KB, sha256 [0-9a-f]{8}\)$/);
  });

  it('When the request wants observations, Then there is one per image with an allowed kind', () => {
    const schema = { type: 'object', properties: { observations: { type: 'array', items: { type: 'object', properties: { kind: { enum: ['lifestyle', 'appearance'] }, note: { type: 'string' } } } } } };
    const reply = JSON.parse(visionReply(request({ response_format: { type: 'json_schema', json_schema: { name: 'o', schema } } }))!);
    expect(reply.observations).toEqual([{ kind: 'lifestyle', note: expect.stringMatching(/^stub vision: image 1 of 1/) }]);
  });

  it('When a request has no image, Then vision has nothing to say', () => {
    expect(visionReply({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).toBeNull();
  });
});
