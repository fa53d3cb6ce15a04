import { type Problem, Problem as ProblemSchema } from '@ccas/shared';
import { accessToken } from './auth';

/** An error answered by the API, as RFC 9457 problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The API could not be reached at all (down, restarting, network). */
export class ApiUnavailableError extends Error {
  constructor() {
    super('Le service est momentanément indisponible.');
  }
}

/**
 * A call to `/api/v1` + path with a fresh token: the response when it succeeded, otherwise a typed
 * error (the API's problem details, or unavailability when the API could not answer).
 */
async function request(path: string, accept: string, init: RequestInit): Promise<Response> {
  const token = await accessToken();
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { ...init, headers: { Accept: accept, Authorization: `Bearer ${token}`, ...init.headers } });
  } catch {
    throw new ApiUnavailableError();
  }
  if (response.ok) return response;

  const isProblem = response.headers.get('content-type')?.includes('application/problem+json');
  const problem = isProblem ? ProblemSchema.safeParse(await response.json().catch(() => null)) : undefined;
  if (problem?.success) throw new ApiError(problem.data);
  // A proxy or gateway answered instead of the API.
  if (response.status >= 500) throw new ApiUnavailableError();
  throw new ApiError({ type: 'about:blank', title: 'Erreur', status: response.status });
}

/** The one way the web calls the API: `/api/v1` + path, with a fresh token, typed errors. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await request(path, 'application/json', init);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file the API sends as an attachment (exports): its bytes and the name the API gives it. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** How much of a download has arrived: bytes, and line breaks (the rows of a CSV file). */
export interface DownloadProgress {
  bytes: number;
  lines: number;
  /** What the API announced (`X-Total-Count`), when it did. */
  totalRows: number | null;
}

/**
 * Downloads an attachment through the same door as `apiFetch` (token, typed errors), telling
 * `onProgress` as the bytes arrive (long exports are streamed by the API).
 */
export async function apiDownload(path: string, fallbackName: string, init: RequestInit = {}, onProgress?: (progress: DownloadProgress) => void): Promise<DownloadedFile> {
  const response = await request(path, '*/*', init);
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const announced = response.headers.get('x-total-count');
  const progress: DownloadProgress = { bytes: 0, lines: 0, totalRows: announced === null ? null : Number(announced) };
  try {
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
      progress.bytes += read.value.length;
      progress.lines += read.value.reduce((count, byte) => count + (byte === 10 ? 1 : 0), 0);
      onProgress?.({ ...progress });
    }
    return { blob: new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }), filename };
  } catch {
    // The API cuts the connection when a file fails after it started: never save a truncated one.
    throw new Error('Le téléchargement a été interrompu avant la fin du fichier. Réessayez.');
  }
}

/** A JSON write (POST, PUT, PATCH) through `apiFetch`. */
export function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return apiFetch<T>(path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
}

/** A query string from defined, non-empty values only. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** True when the API refused a write because the record changed since it was read. */
export const isProblem = (error: unknown, type: string): error is ApiError => error instanceof ApiError && error.problem.type === type;
