import { openStore, type Store } from '../../core/store/db';
import { freshDatabase } from './db';

/** A fresh PostgreSQL database on the test server, migrated, with a pool of its own; `drop` removes it. */
export async function freshPgStore(poolSize = 6): Promise<{ store: Store; url: string; drop(): Promise<void> }> {
  const db = await freshDatabase();
  const store = await openStore({ databaseUrl: db.url, poolSize });
  return {
    store,
    url: db.url,
    async drop() {
      await store.close();
      await db.drop();
    },
  };
}
