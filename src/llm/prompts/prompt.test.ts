import { definePrompt, registeredPrompts } from './prompt';

describe('definePrompt', () => {
  it('When rendered, Then variables are filled and the prompt is registered with its version', () => {
    const p = definePrompt<{ name: string }>({ name: 'test.greeting', version: 2, template: 'Hello {{name}}!' });
    expect(p.render({ name: 'Mei' })).toBe('Hello Mei!');
    expect(registeredPrompts()).toContainEqual({ name: 'test.greeting', version: 2 });
  });

  it('When a variable is missing, Then rendering fails loudly instead of sending a broken prompt', () => {
    const p = definePrompt<{ a: string }>({ name: 'test.missing', version: 1, template: '{{a}} {{b}}' });
    expect(() => p.render({ a: 'x' })).toThrow(/missing variable b/);
  });
});
