/**
 * The page's one way to the API: same origin, the session cookie (never a token), and the CSRF
 * header on every change, which the API requires of cookie-authenticated requests.
 */
export const API_BASE = '/api/v1';
const CSRF_HEADERS = { 'X-Casework-CSRF': '1' };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function api<T>(path: string, method: Method = 'GET', json?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(method === 'GET' ? {} : CSRF_HEADERS) };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${API_BASE}${path}`, { method, credentials: 'same-origin', headers, body: json === undefined ? undefined : JSON.stringify(json) });
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { code, message } = (body ?? {}) as { code?: string; message?: string | string[] };
    throw new ApiError(response.status, code, Array.isArray(message) ? message.join('; ') : (message ?? response.statusText), body);
  }
  return body as T;
}
