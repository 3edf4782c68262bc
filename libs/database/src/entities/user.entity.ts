import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['customer', 'agent', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** Everyone who works tickets, as opposed to the customers who submit them. */
export const STAFF_ROLES: readonly Role[] = ['agent', 'manager', 'admin'];

/** An account: a customer, or staff (agent, manager, admin). */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased, so sign-in is case-insensitive and one address is one account. */
  @Column({ length: 320, unique: true })
  email: string;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** Argon2id; null for accounts that only authenticate with API keys. Never selected unless asked for. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  /** Agents work their team's queue; a manager oversees the department of their team. */
  @Index()
  @Column({ name: 'team_id', type: 'uuid', nullable: true })
  teamId: string | null;

  /** Categories an agent handles; empty: any category of their team. Routing only gives an agent tickets they have the skill for. */
  @Column({ type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  skills: string[];

  /** Most unfinished tickets routing assigns to the agent at once. */
  @Column({ type: 'smallint', default: 10 })
  capacity: number;

  /** An away agent gets no new tickets, and their unfinished ones went back to the team queue. */
  @Column({ default: false })
  away: boolean;

  /** A customer's service tier (e.g. standard, vip): escalation rules may treat some tiers first. */
  @Column({ type: 'varchar', length: 32, default: 'standard' })
  tier: string;

  /** Inactive accounts cannot sign in, and their tokens and API keys stop working at once. */
  @Column({ default: true })
  active: boolean;

  /** Tokens carry it; a trigger bumps it when the password, role or active flag changes, ending older tokens. */
  @Column({ name: 'session_version', type: 'int', default: 0, select: false })
  sessionVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
