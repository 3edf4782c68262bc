import { busyShare, cpuCost, cpuMs, machineTicks, pidsWhere, parseCpuMs, parseMachineTicks, parseVmHwm, PeakRss } from './process-stats';

const STATUS = `Name:\tnode
VmPeak:\t 1234567 kB
VmHWM:\t  104856 kB
VmRSS:\t   98304 kB
`;

describe('parseVmHwm', () => {
  it('reads the peak resident set size in bytes', () => {
    expect(parseVmHwm(STATUS)).toBe(104856 * 1024);
  });

  it('is undefined when the line is missing (kernel threads, other systems)', () => {
    expect(parseVmHwm('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeUndefined();
  });
});

describe('PeakRss', () => {
  it('keeps the largest peak per app, here from this very process', () => {
    const peaks = new PeakRss();
    peaks.read('self', process.pid);
    peaks.read('self', process.pid);
    const self = peaks.megabytes().self;
    expect(self).toBeGreaterThan(10);
    expect(self).toBeLessThan(8192);
  });

  it('ignores a process that no longer exists', () => {
    const peaks = new PeakRss();
    peaks.read('gone', 2 ** 22 + 1);
    expect(peaks.megabytes()).toEqual({});
  });
});

describe('parseCpuMs', () => {
  it('adds user and system ticks (1/100 s) after the command name, even one with spaces and parentheses', () => {
    const stat = '4242 (node (my app)) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 56 0 0 20 0 11 0 100 0 0';
    expect(parseCpuMs(stat)).toBe((1234 + 56) * 10);
  });
});

describe('cpuMs', () => {
  it('reads this process’s CPU time, which only grows', () => {
    const before = cpuMs(process.pid)!;
    let spin = 0;
    for (let i = 0; i < 5e6; i++) spin += i;
    expect(spin).toBeGreaterThan(0);
    expect(cpuMs(process.pid)).toBeGreaterThanOrEqual(before);
    expect(before).toBeGreaterThan(0);
  });

  it('is undefined for a process that does not exist', () => {
    expect(cpuMs(2 ** 22 + 1)).toBeUndefined();
  });
});

describe('machine CPU share', () => {
  it('counts everything but idle and iowait as busy', () => {
    expect(parseMachineTicks('cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\n')).toEqual({ busy: 160, total: 1000 });
  });

  it('gives the busy share between two readings', () => {
    expect(busyShare({ busy: 160, total: 1000 }, { busy: 310, total: 1200 })).toBe(0.75);
    expect(busyShare({ busy: 1, total: 1 }, { busy: 1, total: 1 })).toBe(0);
  });

  it('reads this machine', () => {
    const ticks = machineTicks();
    expect(ticks.total).toBeGreaterThan(ticks.busy);
    expect(ticks.busy).toBeGreaterThan(0);
  });
});

describe('cpuCost', () => {
  it('divides each app’s CPU time over the window by the tickets, and gives the machine’s busy share', () => {
    const before = { apps: { gateway: 1000, 'rag-worker': 500 }, machine: { busy: 100, total: 1000 } };
    const after = { apps: { gateway: 4000, 'rag-worker': 2000 }, machine: { busy: 1000, total: 2000 } };
    expect(cpuCost(before, after, 1500)).toEqual({ cpuMsPerTicket: { gateway: 2, 'rag-worker': 1 }, machineBusy: 0.9 });
  });

  it('counts an app that started within the window from zero, and nothing for no tickets', () => {
    const before = { apps: {}, machine: { busy: 0, total: 10 } };
    const after = { apps: { gateway: 30 }, machine: { busy: 5, total: 20 } };
    expect(cpuCost(before, after, 10).cpuMsPerTicket).toEqual({ gateway: 3 });
    expect(cpuCost(before, after, 0).cpuMsPerTicket).toEqual({ gateway: 0 });
  });
});

describe('pidsWhere', () => {
  it('finds this process by its command line', () => {
    expect(pidsWhere((commandLine) => commandLine.includes(process.argv[1]))).toContain(process.pid);
    expect(pidsWhere(() => false)).toEqual([]);
  });
});
