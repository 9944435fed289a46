import { parseMesExample, renderMesExample } from './mes-example';

describe('example dialogues', () => {
  it('When samples are rendered, Then each opens a <START> block spoken by {{char}}', () => {
    expect(renderMesExample(['hi!', 'see u'])).toBe('<START>\n{{char}}: hi!\n<START>\n{{char}}: see u');
    expect(renderMesExample([])).toBe('');
  });

  it('When examples are parsed, Then only the character’s turns are kept, multi-line turns whole', () => {
    const text = '<START>\r\n{{user}}: hey\r\n{{char}}: first line\r\nsecond line\r\n\r\n{{user}}: ok\r\n<BOT>: bye!';
    expect(parseMesExample(text, 'Aiko', 50)).toEqual(['first line\nsecond line', 'bye!']);
  });

  it('When turns use the character’s name, Then they count as the character’s, case-insensitively', () => {
    expect(parseMesExample('AIKO: hello\nKen: not a speaker line', 'Aiko', 50)).toEqual([
      'hello\nKen: not a speaker line',
    ]);
  });

  it('When a name has regex characters, Then it is matched literally', () => {
    expect(parseMesExample('Dr. (Who)?: hi\nDrx (Who): no', 'Dr. (Who)?', 50)).toEqual(['hi\nDrx (Who): no']);
  });

  it('When the same line repeats, Then it is one sample, and the count is capped', () => {
    expect(parseMesExample('{{char}}: a\n{{char}}: a\n{{char}}: b\n{{char}}: c', 'X', 2)).toEqual(['a', 'b']);
  });

  it('When a turn mentions {{char}}, Then the persona’s name is written in', () => {
    expect(parseMesExample('{{char}}: {{char}} is hungry, {{user}}', 'Mia', 5)).toEqual(['Mia is hungry, {{user}}']);
  });
});
