import { numberedPlaceholders } from './pooled-sql';

describe('numberedPlaceholders', () => {
  it('When a statement has values, Then each ? becomes the next $n in order', () => {
    expect(numberedPlaceholders('update t set a = ? where id = ? and b = ?', [1, 'x', null])).toEqual({
      text: 'update t set a = $1 where id = $2 and b = $3',
      values: [1, 'x', null],
    });
  });

  it('When a value is an array, Then it becomes a list of placeholders, as MikroORM reads `in (?)`', () => {
    expect(numberedPlaceholders('select 1 from t where id in (?) and seq in (?) and x = ?', [['a', 'b'], [3], true])).toEqual({
      text: 'select 1 from t where id in ($1, $2) and seq in ($3) and x = $4',
      values: ['a', 'b', 3, true],
    });
  });

  it('When the statement uses ?? or \\?, Then they are an identifier and a literal question mark', () => {
    expect(numberedPlaceholders('select ?? from t where doc \\? ? and a = ?', ['t.col', 'k', 1])).toEqual({
      text: 'select "t"."col" from t where doc ? $1 and a = $2',
      values: ['k', 1],
    });
  });

  it('When placeholders and parameters do not pair up, Then it fails before anything reaches the database', () => {
    expect(() => numberedPlaceholders('select ? , ?', [1])).toThrow(/more placeholders/);
    expect(() => numberedPlaceholders('select ?', [1, 2])).toThrow(/1 placeholders for 2 parameters/);
  });

  it('When a value is a Buffer or a Date, Then it is passed whole, not as a list', () => {
    const at = new Date(0);
    const bytes = Buffer.from('ab');
    expect(numberedPlaceholders('insert into t values (?, ?)', [at, bytes]).values).toEqual([at, bytes]);
  });
});
