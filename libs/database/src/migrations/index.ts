import { InitialSchema1763700000000 } from './1763700000000-initial-schema';
import { TicketsCustomerEmailIndex1764300000000 } from './1764300000000-tickets-customer-email-index';

/** Every migration, in order. Listed explicitly so the same array works compiled, in tests and bundled. */
export const MIGRATIONS = [InitialSchema1763700000000, TicketsCustomerEmailIndex1764300000000];
