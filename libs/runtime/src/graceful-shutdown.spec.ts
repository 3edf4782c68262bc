import { INestApplicationContext, Logger } from '@nestjs/common';
import { SHUTDOWN_BOUND_MS } from '@smartdesk/contracts';
import { closeOnSignals } from './graceful-shutdown';

describe('closeOnSignals', () => {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  let before: Record<string, Function[]>;
  let exit: jest.SpyInstance;
  let finishClose: () => void;
  let close: jest.Mock;
  let beforeClose: jest.Mock;

  beforeEach(() => {
    // The shutdown bound is a timer: fake, so that none outlives a test and exits the test process.
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    before = Object.fromEntries(signals.map((signal) => [signal, process.listeners(signal)]));
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    close = jest.fn(() => new Promise<void>((resolve) => (finishClose = resolve)));
    beforeClose = jest.fn(async () => expect(close).not.toHaveBeenCalled());
    closeOnSignals({ close } as unknown as INestApplicationContext, new Logger('test', { timestamp: false }), beforeClose);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => {
    for (const signal of signals) for (const listener of process.listeners(signal)) if (!before[signal].includes(listener)) process.off(signal, listener as never);
    jest.clearAllTimers();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  // Node calls a signal's listeners with its name.
  const signal = (name: NodeJS.Signals) => process.emit(name, name);
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('drains once, then closes, and exits 0 when Ctrl-C reaches the app and its launcher forwards SIGTERM', async () => {
    signal('SIGINT');
    signal('SIGTERM');
    await settle();
    expect(beforeClose).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    finishClose();
    await settle();
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('exits 1 when closing takes longer than its bound (a connection that never closes)', () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    signal('SIGTERM');
    jest.advanceTimersByTime(SHUTDOWN_BOUND_MS - 1);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('exits at once, without waiting for the drain, on the same signal twice', () => {
    signal('SIGINT');
    signal('SIGINT');
    expect(exit).toHaveBeenCalledWith(1);
  });
});
