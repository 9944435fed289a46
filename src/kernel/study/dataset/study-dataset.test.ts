import { parsePairs } from './parse-pairs';
import { parsePeople } from './parse-people';
import { assembleDataset, deserializeDataset, serializeDataset } from './study-dataset';
import { parseStudySchema } from './study-schema';

const schema = parseStudySchema({
  people: {
    id: 'id',
    group: 'wave',
    attributes: [
      { column: 'age', kind: 'numeric', role: 'age' },
      { column: 'city', kind: 'categorical' },
    ],
  },
  pairs: { personA: 'a', personB: 'b', group: 'wave', outcome: { column: 'yes' }, conversation: 'chat', numeric: [{ column: 'score' }] },
});
const PEOPLE = 'id,wave,age,city\np1,w1,30,Oslo\np2,w1,,Bergen\np3,w2,41,\np4,w2,29,Oslo\n';
const PAIRS = 'a,b,wave,yes,chat,score\np1,p2,w1,1,"[2024-01-02 10:00] p1: hi\n[2024-01-02 10:01] p2: hey",0.5\np3,p4,w2,0,,\n';

async function load(people = PEOPLE, pairs = PAIRS) {
  const p = await parsePeople(people, schema, 'csv');
  return assembleDataset(schema, p, await parsePairs(pairs, schema, p, 'csv'));
}

describe('study datasets', () => {
  it('When assembled, Then the stats count people, pairs, groups, attributes and conversations', async () => {
    const d = await load();
    expect(d.stats).toEqual({ people: 4, pairs: 2, groups: 2, attributes: 2, conversations: 1 });
    expect(d.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('When serialised and read back, Then everything survives (missing values, times) and the hash is the same', async () => {
    const d = await load();
    const back = deserializeDataset(serializeDataset(d));
    expect(back.hash).toBe(d.hash);
    expect(back.stats).toEqual(d.stats);
    expect(back.people).toEqual(d.people);
    expect(back.pairs).toEqual(d.pairs);
    expect(back.schema).toEqual(d.schema);
    expect(Buffer.from(serializeDataset(back)).equals(Buffer.from(serializeDataset(d)))).toBe(true);
  });

  it('When the same content is read from a differently laid out file, Then the hash is stable; when a value changes, Then it changes', async () => {
    const d = await load();
    const spaced = await load(PEOPLE.replace('\np3', '\n\np3'), PAIRS);
    expect(spaced.hash).toBe(d.hash);
    expect((await load(PEOPLE.replace('p1,w1,30', 'p1,w1,31'))).hash).not.toBe(d.hash);
  });

  it('When pairs are linked to personas, Then the links are read, survive a round trip and count in the hash; without the declaration the content has no such key', async () => {
    const linked = parseStudySchema({ ...schema, pairs: { ...schema.pairs, personas: { self: 'me', partner: 'them' } } });
    const people = await parsePeople(PEOPLE, linked, 'csv');
    const pairsCsv = (me: string) => `a,b,wave,yes,chat,score,me,them\np1,p2,w1,1,,0.5,${me},u2\np3,p4,w2,0,,,,\n`;
    const d = assembleDataset(linked, people, await parsePairs(pairsCsv('u1'), linked, people, 'csv'));
    expect(d.pairs.personas).toEqual([{ self: 'u1', partner: 'u2' }, null]);
    const back = deserializeDataset(serializeDataset(d));
    expect(back.pairs.personas).toEqual(d.pairs.personas);
    expect(back.hash).toBe(d.hash);
    const other = assembleDataset(linked, people, await parsePairs(pairsCsv('u9'), linked, people, 'csv'));
    expect(other.hash).not.toBe(d.hash);
    // A schema that does not declare persona columns serialises exactly as before they existed.
    const plain = JSON.parse(new TextDecoder().decode(serializeDataset(await load())));
    expect('personas' in plain.pairs).toBe(false);
    expect('personas' in plain.schema.pairs).toBe(false);
    await expect(parsePairs(pairsCsv('u1').replace(',u1,u2', ',u1,'), linked, people, 'csv')).rejects.toMatchObject({ line: 2, column: 'them' });
  });

  it('When the bytes are not a dataset, Then deserialising refuses', () => {
    expect(() => deserializeDataset(new TextEncoder().encode('{"format":"other"}'))).toThrow(/not a serialised study dataset/);
    expect(() => deserializeDataset(new Uint8Array([0xff, 0xfe]))).toThrow(/not a serialised study dataset/);
  });
});
