import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  non2xx: number;
  /** Count of each non-2xx status code. */
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  seconds: number;
  requestsPerSecond: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
}

let running: { stop(): void } | undefined;

/** Stops the load in progress (Ctrl-C). */
export function stopLoad(): void {
  running?.stop();
}

/**
 * Keeps `connections` requests in flight for `durationSeconds` with autocannon and measures every
 * response itself (autocannon's histogram has no p95 and rounds to whole milliseconds).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let non2xx = 0;
  const started = performance.now();
  const instance = autocannon({
    url: options.url,
    headers: options.headers,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
  });
  running = instance;
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else {
      non2xx += 1;
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    }
  });
  try {
    const result = await instance;
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      non2xx,
      statusCodes,
      errors: result.errors,
      timeouts: result.timeouts,
      seconds,
      requestsPerSecond: latencies.length / seconds,
      medianMs: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      p99Ms: percentile(latencies, 0.99),
    };
  } finally {
    running = undefined;
  }
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
