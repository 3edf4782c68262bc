import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A key for an integration; it acts as its owner. Only a SHA-256 of the secret is stored (the key is shown once). */
@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ length: 100 })
  name: string;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** The key's first characters, to recognise it in lists without revealing it. */
  @Column({ length: 16 })
  prefix: string;

  @Column({ name: 'key_hash', type: 'char', length: 64, unique: true, select: false })
  keyHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** What the key may do (e.g. tickets:read); null: whatever its owner's role allows. */
  @Column({ type: 'varchar', length: 32, array: true, nullable: true })
  scopes: string[] | null;

  /** After this the key is refused (401); null: it does not expire. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** The key's own quota; null: API_KEY_REQUESTS_PER_MINUTE. */
  @Column({ name: 'requests_per_minute', type: 'int', nullable: true })
  requestsPerMinute: number | null;
}
