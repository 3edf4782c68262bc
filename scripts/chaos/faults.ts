import { AppName, WORKERS } from '../support/app-process';
import type { ChaosSystem } from './chaos-system';

export interface Fault {
  name: string;
  /** Injections in one phase unless --repeat says otherwise. */
  defaultRepeat: number;
  /** Breaks the part and brings it back; resolves once it is back. */
  inject(system: ChaosSystem): Promise<void>;
}

/** How long Chroma stays down. */
export const CHROMA_DOWN_MS = 5_000;

const killApp = (name: AppName): Fault => ({ name: `kill ${name}`, defaultRepeat: name === 'gateway' ? 1 : 3, inject: (system) => system.kill(name) });

/** The faults of issue 16, in the order they run. */
export const FAULTS: Fault[] = [
  ...WORKERS.map(killApp),
  killApp('gateway'),
  { name: 'restart redis', defaultRepeat: 1, inject: (system) => system.redis.restart() },
  { name: 'restart postgres', defaultRepeat: 1, inject: (system) => system.postgres.restart() },
  {
    name: 'stop chroma',
    defaultRepeat: 1,
    inject: async (system) => {
      await system.chroma.stop();
      await new Promise((resolve) => setTimeout(resolve, CHROMA_DOWN_MS));
      await system.chroma.start();
    },
  },
];

/** Short names for --fault: `categorization-worker`, `gateway`, `redis`, `postgres`, `chroma`. */
export function faultKey(fault: Fault): string {
  return fault.name.split(' ')[1];
}
