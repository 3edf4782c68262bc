import type { DataSource, EntityManager } from 'typeorm';

/** Who a transaction acts for: the audit trigger stamps every row it logs in that transaction with it. */
export interface AuditActor {
  id: string | null;
  label: string;
}

/**
 * Declares the actor for the rest of the current transaction (set_config with is_local = true), so it
 * never leaks to the next user of a pooled connection. Must run inside a transaction, before the changes.
 */
export async function actAs(manager: EntityManager, actor: AuditActor): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('actAs must run inside a transaction');
  await manager.query(`SELECT set_config('smartdesk.actor_id', $1, true), set_config('smartdesk.actor', $2, true)`, [actor.id ?? '', actor.label]);
}

/** A transaction whose changes are audited as made by `actor`. */
export function transactionAs<T>(dataSource: DataSource, actor: AuditActor, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await actAs(manager, actor);
    return work(manager);
  });
}
