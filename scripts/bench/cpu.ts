import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * CPU time consumed by a process (and, for PostgreSQL, by its server processes), from /proc (Linux).
 * CPU per request is far steadier than latency on a machine shared with other work.
 */

const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** utime, stime, cutime, cstime of /proc/<pid>/stat, in ms; undefined when unavailable. */
function times(pid: number): { own: number; children: number; ppid: number } | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ms = (index: number) => (Number(fields[index]) * 1000) / ticksPerSecond;
  return { ppid: Number(fields[1]), own: ms(11) + ms(12), children: ms(13) + ms(14) };
}

/** CPU ms of one process. */
export function processCpuMs(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : times(pid)?.own;
}

/**
 * CPU ms of a PostgreSQL server: the postmaster, its live children (backends, workers) and the
 * children it has reaped (parallel workers, ended connections).
 */
export function postgresCpuMs(postmasterPid: number | undefined): number | undefined {
  if (postmasterPid === undefined) return undefined;
  const postmaster = times(postmasterPid);
  if (!postmaster) return undefined;
  let total = postmaster.own + postmaster.children;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = times(Number(entry));
    if (child?.ppid === postmasterPid) total += child.own;
  }
  return total;
}

/** The postmaster's pid, from the data folder (first line of postmaster.pid). */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}
