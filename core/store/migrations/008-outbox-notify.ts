import type { Migration } from './index';

/**
 * New outbox events announce themselves (PostgreSQL NOTIFY, delivered at commit, to every node
 * sharing the database), and so does a dead event the operator sends again: the delivery loops
 * start on them at once instead of finding them on their next look at the table, which had to come
 * every 25 ms to keep the push fast and so queried the database 40 times a second on an idle hub.
 * The payload is empty (the loops read the table; a notification only says when), and PostgreSQL
 * folds identical notifications of one transaction into one.
 */
export const OUTBOX_NOTIFY_CHANNEL = 'court_hub_outbox';

export const OUTBOX_NOTIFY: Migration = {
  version: 8,
  name: 'outbox-notify',
  statements: [
    `CREATE OR REPLACE FUNCTION agency_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM pg_notify('${OUTBOX_NOTIFY_CHANNEL}', '');
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER agency_outbox_notify AFTER INSERT ON agency_outbox FOR EACH STATEMENT EXECUTE FUNCTION agency_outbox_notify()`,
    `CREATE TRIGGER agency_outbox_notify_requeued AFTER UPDATE OF state ON agency_outbox FOR EACH ROW
       WHEN (OLD.state <> 'pending' AND NEW.state = 'pending') EXECUTE FUNCTION agency_outbox_notify()`,
  ],
};
