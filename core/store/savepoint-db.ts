import type { Db, QueryResult } from './db';

let savepointSeq = 0;

/**
 * A Db bound to one open transaction: a nested `transaction` is a
 * savepoint, rolled back alone when its function throws. The owner of the transaction closes it.
 */
export function savepointDb(query: <T>(sql: string, params?: readonly unknown[]) => Promise<QueryResult<T>>): Db {
  const self: Db = {
    query,
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const sp = `sp_${++savepointSeq}`;
      await self.query(`SAVEPOINT ${sp}`);
      try {
        const out = await fn(self);
        await self.query(`RELEASE SAVEPOINT ${sp}`);
        return out;
      } catch (err) {
        await self.query(`ROLLBACK TO SAVEPOINT ${sp}`).catch(() => undefined);
        throw err;
      }
    },
    async close() { /* released by the owner of the transaction */ },
  };
  return self;
}
