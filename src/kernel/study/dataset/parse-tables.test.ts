import { parsePairs } from './parse-pairs';
import { parsePeople } from './parse-people';
import type { PeopleTable } from './people-table';
import { StudyDatasetError } from './study-dataset-error';
import { parseStudySchema, type StudySchema } from './study-schema';

const schema: StudySchema = parseStudySchema({
  people: {
    id: 'id',
    group: 'wave',
    attributes: [
      { column: 'age', kind: 'numeric', role: 'age' },
      { column: 'city', kind: 'categorical' },
    ],
    attributeGroups: [{ name: 'likes', kind: 'profile', columns: ['hiking', 'films', 'music'] }],
    ignore: ['note'],
  },
  pairs: {
    personA: 'a',
    personB: 'b',
    group: 'wave',
    outcome: { column: 'yes', kind: 'binary' },
    conversation: 'chat',
  },
});

const PEOPLE = ['id,wave,age,city,hiking,films,music,note', 'p1,w1,30,Oslo,5,3,1,x', 'p2,w1,28,Bergen,4,4,2,', 'p3,w2,35,Oslo,1,5,5,', 'p4,w2,,Oslo,2,2,,'].join('\n');
const PAIRS = ['a,b,wave,yes,chat', 'p1,p2,w1,1,"p1: hi!\nAlex: hello, how are you?"', 'p2,p1,w1,0,', 'p3,p4,w2,1,', 'p4,p3,w2,0,'].join('\n');

/** The error a promise rejects with, to check its table, line and column. */
async function failure(promise: Promise<unknown>): Promise<StudyDatasetError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StudyDatasetError);
    return error as StudyDatasetError;
  }
  throw new Error('expected the parse to fail');
}

const people = (text: string) => parsePeople(text, schema, 'csv');
const where = (e: StudyDatasetError) => ({ code: e.code, table: e.table, line: e.line, column: e.column });

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

describe('parsePeople / parsePairs', () => {
  let table: PeopleTable;
  beforeAll(async () => {
    table = await people(PEOPLE);
  });

  it('When the CSV is well formed, Then numbers, blanks (missing) and categories are read column by column', () => {
    expect(table.ids).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(table.groups).toEqual(['w1', 'w1', 'w2', 'w2']);
    expect(Array.from(table.numeric.age)).toEqual([30, 28, 35, NaN]);
    expect(Array.from(table.numeric.music)).toEqual([1, 2, 5, NaN]);
    expect(table.categorical.city.levels).toEqual(['Oslo', 'Bergen']);
    expect(Array.from(table.categorical.city.codes)).toEqual([0, 1, 0, 0]);
    expect(Array.from(table.lines)).toEqual([2, 3, 4, 5]);
  });

  it('When pairs are read, Then the conversation cell (quoted, multi-line) becomes messages m1, m2 and lines count from the record start', async () => {
    const pairs = await parsePairs(PAIRS, schema, table, 'csv');
    expect(Array.from(pairs.a)).toEqual([0, 1, 2, 3]);
    expect(pairs.groups).toEqual(['w1', 'w1', 'w2', 'w2']);
    expect(pairs.groupSource).toBe('pairs');
    expect(pairs.conversations[0]).toEqual([
      { id: 'm1', speaker: 'p1', text: 'hi!', sentAt: null },
      { id: 'm2', speaker: 'Alex', text: 'hello, how are you?', sentAt: null },
    ]);
    expect(pairs.conversations[1]).toBeNull();
    // The first pair spans lines 2–3 (a newline inside the quoted chat), so the next starts on 4.
    expect(Array.from(pairs.lines)).toEqual([2, 4, 5, 6]);
  });

  it('When a people CSV is malformed, Then it is refused with the line and column of the bad cell', async () => {
    expect(where(await failure(people(PEOPLE.replace('p3,w2,35', 'p3,w2,thirty'))))).toEqual({ code: 'STUDY_DATASET_INVALID', table: 'people', line: 4, column: 'age' });
    expect(where(await failure(people(PEOPLE.replace('p4,w2', 'p2,w2'))))).toMatchObject({ line: 5, column: 'id' });
    expect((await failure(people(PEOPLE.replace('p4,w2', 'p2,w2')))).message).toMatch(/duplicate person id "p2" \(first on line 3\)/);
    expect(where(await failure(people(PEOPLE.replace('p2,w1', ',w1'))))).toMatchObject({ line: 3, column: 'id' });
    // A declared column missing from the header, and an undeclared one present.
    expect(where(await failure(people(PEOPLE.replace('music,note', 'musik,note'))))).toMatchObject({ line: 1, column: 'music' });
    const extra = await failure(people(PEOPLE.replace(',note', ',note,secret').replace('1,x', '1,x,y')));
    expect(where(extra)).toMatchObject({ line: 1, column: 'secret' });
    expect(extra.message).toMatch(/people\.ignore/);
    // A row with a cell too many, and an unclosed quote (csv-parse's error, mapped).
    expect(where(await failure(people(PEOPLE.replace('p3,w2,35,Oslo', 'p3,w2,35,Oslo,9'))))).toMatchObject({ line: 4, column: null });
    const quote = await failure(people(PEOPLE.replace('p2,w1,28,Bergen', 'p2,w1,28,"Ber"gen')));
    expect(quote.line).toBe(3);
    expect(quote.message).toMatch(/malformed CSV/);
    expect((await failure(people(''))).message).toMatch(/empty/);
  });

  it('When a pairs CSV is malformed, Then it is refused with the line and column', async () => {
    const pairs = (text: string) => parsePairs(text, schema, table, 'csv');
    const unknown = await failure(pairs(PAIRS.replace('p3,p4', 'p3,p9')));
    expect(where(unknown)).toMatchObject({ table: 'pairs', line: 5, column: 'b' });
    expect(unknown.message).toMatch(/unknown person id "p9"/);
    const outside = await failure(pairs(PAIRS.replace('p3,p4,w2', 'p3,p1,w2')));
    expect(where(outside)).toMatchObject({ line: 5, column: 'b' });
    expect(outside.message).toMatch(/belongs to group "w1", not to the pair’s group "w2"/);
    expect(where(await failure(pairs(PAIRS.replace('p4,p3,w2,0', 'p4,p3,w2,2'))))).toMatchObject({ line: 6, column: 'yes' });
    expect(where(await failure(pairs(PAIRS.replace('p4,p3,w2,0', 'p4,p3,w2,'))))).toMatchObject({ line: 6, column: 'yes' });
    expect(where(await failure(pairs(PAIRS.replace('p4,p3', 'p4,p4'))))).toMatchObject({ line: 6, column: 'b' });
    expect(where(await failure(pairs(PAIRS.replace('p4,p3,w2', 'p3,p4,w2'))))).toMatchObject({ line: 6, column: 'b' });
    const chat = await failure(pairs(PAIRS.replace('p3,p4,w2,1,', 'p3,p4,w2,1,just some words')));
    expect(where(chat)).toMatchObject({ line: 5, column: 'chat' });
    expect(chat.message).toMatch(/not "Name: message"/);
    expect(where(await failure(pairs(PAIRS.replace('a,b,wave,yes,chat', 'a,b,wave,chat'))))).toMatchObject({ line: 1, column: 'yes' });
  });

  it('When the ordinal outcome leaves its levels, Then the row is refused', async () => {
    const ordinal = parseStudySchema({ ...schema, pairs: { ...schema.pairs, outcome: { column: 'yes', kind: 'ordinal', levels: 3 } } });
    const rated = PAIRS.replace('p1,p2,w1,1', 'p1,p2,w1,3').replace('p2,p1,w1,0', 'p2,p1,w1,2').replace('p4,p3,w2,0', 'p4,p3,w2,1');
    const ok = await parsePairs(rated, ordinal, table, 'csv');
    expect(Array.from(ok.outcome)).toEqual([3, 2, 1, 1]);
    const zero = await failure(parsePairs(PAIRS, ordinal, table, 'csv'));
    expect(where(zero)).toMatchObject({ line: 4, column: 'yes' });
    expect(zero.message).toMatch(/outside the levels 1\.\.3/);
    expect(where(await failure(parsePairs(rated.replace('p3,p4,w2,1', 'p3,p4,w2,2.5'), ordinal, table, 'csv')))).toMatchObject({ line: 5, column: 'yes' });
  });

  it('When the source is a stream of byte chunks split inside characters, Then it reads the same', async () => {
    const text = PEOPLE.replace('Bergen', 'Tromsø 北京');
    const streamed = await parsePeople(chunks(text, 3), schema, 'csv');
    expect(streamed.categorical.city.levels).toEqual(['Oslo', 'Tromsø 北京']);
    expect(Array.from(streamed.numeric.hiking)).toEqual([5, 4, 1, 2]);
  });

  it('When a streamed upload has a bad row, Then reading stops there and the source is closed', async () => {
    let pulled = 0;
    let closed = false;
    async function* upload(): AsyncGenerator<string> {
      try {
        yield 'id,wave,age,city,hiking,films,music,note\np1,w1,x,Oslo,1,2,3,\n';
        for (let k = 2; k < 10_000; k++) {
          pulled++;
          yield `p${k},w1,30,Oslo,1,2,3,\n`;
        }
      } finally {
        closed = true;
      }
    }
    expect(where(await failure(parsePeople(upload(), schema, 'csv')))).toMatchObject({ line: 2, column: 'age' });
    expect(closed).toBe(true);
    // Only what the parser buffers ahead (about 16 KB) was read, not the rest of the upload.
    expect(pulled).toBeLessThan(2000);
  });

  it('When limits are set, Then too many rows or bytes are refused', async () => {
    expect((await failure(parsePeople(PEOPLE, schema, 'csv', { maxRows: 3 }))).message).toMatch(/more than 3 rows/);
    expect((await failure(parsePeople(chunks(PEOPLE, 8), schema, 'csv', { maxBytes: 40 }))).message).toMatch(/larger than 40 bytes/);
  });

  it('When the tables are JSON, Then rows are objects (an array or { rows }) and errors name the row number and column', async () => {
    const rows = [
      { id: 'p1', wave: 'w1', age: 30, city: 'Oslo', hiking: 5, films: 3, music: 1 },
      { id: 'p2', wave: 'w1', age: null, city: 'Bergen', hiking: 4, films: 4 },
    ];
    const json = await parsePeople(JSON.stringify({ rows }), schema, 'json');
    expect(Array.from(json.numeric.age)).toEqual([30, NaN]);
    expect(Array.from(json.numeric.music)).toEqual([1, NaN]);
    const bad = await failure(parsePeople(JSON.stringify([rows[0], { ...rows[1], age: 'old' }]), schema, 'json'));
    expect(where(bad)).toMatchObject({ table: 'people', line: 2, column: 'age' });
    expect(where(await failure(parsePeople(JSON.stringify([rows[0], { ...rows[1], secret: 1 }]), schema, 'json')))).toMatchObject({ line: 2, column: 'secret' });
    expect((await failure(parsePeople('[{"id": 1', schema, 'json'))).message).toMatch(/not valid JSON/);
    const pairs = await parsePairs(
      JSON.stringify([{ a: 'p1', b: 'p2', wave: 'w1', yes: 1, chat: [{ sender: 'p1', text: 'hi', at: '2024-01-02T10:00:00Z' }, { speaker: 'p2', text: 'hey' }] }]),
      schema,
      json,
      'json',
    );
    expect(pairs.conversations[0]![0]).toEqual({ id: 'm1', speaker: 'p1', text: 'hi', sentAt: new Date('2024-01-02T10:00:00Z') });
    const chat = await failure(parsePairs(JSON.stringify([{ a: 'p1', b: 'p2', wave: 'w1', yes: 1, chat: [{ text: 'who?' }] }]), schema, json, 'json'));
    expect(where(chat)).toMatchObject({ table: 'pairs', line: 1, column: 'chat' });
  });

  it('When no group is declared anywhere, Then the groups are the connected components of who met whom', async () => {
    const free = parseStudySchema({
      people: { id: 'id', ignore: ['wave', 'age', 'city', 'hiking', 'films', 'music', 'note'] },
      pairs: { personA: 'a', personB: 'b', outcome: { column: 'yes' }, ignore: ['wave', 'chat'] },
    });
    const t = await parsePeople(PEOPLE, free, 'csv');
    const pairs = await parsePairs(PAIRS, free, t, 'csv');
    expect(pairs.groupSource).toBe('connected-components');
    expect(pairs.groups).toEqual(['component-1', 'component-1', 'component-2', 'component-2']);
  });
});
