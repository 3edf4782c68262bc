import { QueryFailedError } from 'typeorm';
import { postgresConflicts } from './metrics';
import { countPostgresConflict } from './postgres-conflicts';

describe('countPostgresConflict', () => {
  const counted = async (sqlstate: string, where: string) => (await postgresConflicts.get()).values.find((v) => v.labels.sqlstate === sqlstate && v.labels.where === where)?.value ?? 0;

  it('counts deadlocks and serialization failures, also wrapped by TypeORM, and nothing else', async () => {
    const deadlock = new QueryFailedError('UPDATE tickets', [], Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    expect(countPostgresConflict(deadlock, 'spec')).toBe(true);
    expect(countPostgresConflict(Object.assign(new Error('could not serialize access'), { code: '40001' }), 'spec')).toBe(true);
    expect(countPostgresConflict(Object.assign(new Error('duplicate key'), { code: '23505' }), 'spec')).toBe(false);
    expect(countPostgresConflict(new Error('plain'), 'spec')).toBe(false);
    expect(await counted('40P01', 'spec')).toBe(1);
    expect(await counted('40001', 'spec')).toBe(1);
    expect(await counted('23505', 'spec')).toBe(0);
  });
});
