import { withoutLeaks } from './without-leaks';

describe('withoutLeaks', () => {
  it('When a reply echoes the private goal or the instructions, Then those lines are dropped and the rest kept', () => {
    const goal = 'Find a system that does not depend on anyone keeping score';
    const reply = ['好呀 周末一起打扫吧 😊', 'Your private goal in this conversation: find a system', `I want to ${goal.toLowerCase()} here`, 'Stay in character!'].join('\n');
    expect(withoutLeaks(reply, goal)).toBe('好呀 周末一起打扫吧 😊');
  });

  it('When a reply is clean, Then it is unchanged', () => {
    expect(withoutLeaks('See you at eight?\nBring snacks 🍿', 'Get them to agree on a date')).toBe('See you at eight?\nBring snacks 🍿');
  });
});

describe('withoutLeaks with a speaker', () => {
  it('When a reply starts with the speaker’s own name, Then the prefix is removed', () => {
    expect(withoutLeaks('Mei: 好呀~ 😂', 'some goal text that is long', 'Mei')).toBe('好呀~ 😂');
    expect(withoutLeaks('Meiling is here', 'some goal text that is long', 'Mei')).toBe('Meiling is here');
  });
});
