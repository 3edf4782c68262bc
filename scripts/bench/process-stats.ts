import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** VmHWM ("high water mark": the peak resident set size) from a /proc/<pid>/status text, in bytes. */
export function parseVmHwm(status: string): number | undefined {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** User + system CPU time in ms from a /proc/<pid>/stat line (fields 14 and 15, after the command name). */
export function parseCpuMs(stat: string): number {
  // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Ids of the live processes whose command line (or process title, for Postgres backends) matches. */
export function pidsWhere(matches: (commandLine: string) => boolean): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      const commandLine = read(`/proc/${pid}/cmdline`);
      return commandLine !== undefined && matches(commandLine.replace(/\0/g, ' '));
    })
    .map(Number);
}

/** CPU time used so far by a live process, in ms; undefined once it is gone. */
export function cpuMs(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : parseCpuMs(stat);
}

/** Busy and total CPU ticks of the whole machine, from the first line of /proc/stat. */
export function parseMachineTicks(procStat: string): { busy: number; total: number } {
  const [, ...values] = procStat.slice(0, procStat.indexOf('\n')).trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal ...: idle and iowait are the not-busy ones.
  const ticks = values.slice(0, 8).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - ticks[3] - ticks[4], total };
}

/** Share of the machine's CPU time (all cores) that was busy between two readings, 0..1. */
export function busyShare(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  const total = after.total - before.total;
  return total > 0 ? Math.round(((after.busy - before.busy) / total) * 100) / 100 : 0;
}

export function machineTicks(): { busy: number; total: number } {
  return parseMachineTicks(readFileSync('/proc/stat', 'utf8'));
}

export interface CpuSnapshot {
  /** CPU ms used so far per app. */
  apps: Record<string, number>;
  machine: { busy: number; total: number };
}

export interface CpuCost {
  /** CPU ms each app spent per ticket over the window. */
  cpuMsPerTicket: Record<string, number>;
  /** Share of the whole machine's CPU that was busy over the window (every process, not only ours). */
  machineBusy: number;
}

export function cpuCost(before: CpuSnapshot, after: CpuSnapshot, tickets: number): CpuCost {
  const perTicket = Object.entries(after.apps).map(([app, ms]) => [app, tickets > 0 ? Math.round(((ms - (before.apps[app] ?? 0)) / tickets) * 100) / 100 : 0]);
  return { cpuMsPerTicket: Object.fromEntries(perTicket), machineBusy: busyShare(before.machine, after.machine) };
}

/** Peak RSS per app name, over every process of that name and every read; the kernel keeps the peak. */
export class PeakRss {
  private readonly peaks = new Map<string, number>();

  /** Reads a live process's VmHWM; a process that is gone keeps what was read before. */
  read(name: string, pid: number): void {
    const status = read(`/proc/${pid}/status`);
    const bytes = status === undefined ? undefined : parseVmHwm(status);
    if (bytes !== undefined) this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, bytes));
  }

  /** Peak RSS per app in MB (1 MB = 2^20 bytes). */
  megabytes(): Record<string, number> {
    return Object.fromEntries([...this.peaks].map(([name, bytes]) => [name, Math.round((bytes / 2 ** 20) * 10) / 10]));
  }
}
