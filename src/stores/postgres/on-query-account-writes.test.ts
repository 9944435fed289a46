import { OnQueryAccountWrites } from './on-query-account-writes';

describe('OnQueryAccountWrites', () => {
  it('When statements pass the onQuery hook, Then listeners hear only those that may change an account row, and every statement is returned as it is', () => {
    const writes = new OnQueryAccountWrites();
    let heard = 0;
    writes.onWrite(() => (heard += 1));
    const expectHeard = (sql: string, yes: boolean) => {
      const before = heard;
      expect(writes.onQuery(sql)).toBe(sql);
      expect([sql, heard - before]).toEqual([sql, yes ? 1 : 0]);
    };
    expectHeard(`update users set tier = 'PREMIUM' where id = ?`, true);
    expectHeard('update "public"."users" set "role" = $1 where "id" = $2', true);
    expectHeard('delete from users where id = ?', true);
    expectHeard('delete from auth_sessions where user_id = ? returning id', true);
    expectHeard('update "auth_sessions" set "revoked_at" = $1 where "id" = $2', true);
    expectHeard('update auth_sessions set last_used_at = now() where id = ?', false);
    expectHeard('select * from users where id = ?', false);
    expectHeard('insert into users (id) values (?)', false);
    expectHeard('update user_data_keys set key_id = ? where user_id = ?', false);
  });

  it('When a listener stops, Then it hears nothing more and the others still do', () => {
    const writes = new OnQueryAccountWrites();
    const heard: string[] = [];
    const stopA = writes.onWrite(() => heard.push('a'));
    writes.onWrite(() => heard.push('b'));
    writes.onQuery('delete from users where id = ?');
    stopA();
    writes.onQuery('delete from users where id = ?');
    expect(heard).toEqual(['a', 'b', 'b']);
  });
});
