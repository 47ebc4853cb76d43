import type { AuthStore } from '../stores/auth';
import { ApiError, fromGraphQlErrors } from './errors';

// Files to and from the server outside GraphQL: a multipart upload (POST /photos, POST /imports/households) with the
// in-memory access token, answered by JSON or by the GraphQL error shape; and a file the console writes itself
// (CSV exports) handed to the browser as a download.
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export async function upload<T>(auth: AuthStore, url: string, file: Blob, fileName: string,
                                fetchImpl: Fetch = (i, init) => fetch(i, init)): Promise<T> {
  const send = async () => {
    const form = new FormData();
    form.append('file', file, fileName);
    const token = await auth.validToken();
    return fetchImpl(url, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  };
  let response = await send();
  if (response.status === 401 && auth.isSignedIn() && (await auth.renew())) response = await send();
  let body: any = null;
  try { body = await response.json(); } catch { body = null; }
  if (body?.errors?.length) throw fromGraphQlErrors(body.errors);
  if (!response.ok || !body) throw new ApiError('系统繁忙，请稍后再试', 'INTERNAL');
  return body as T;
}

/** One CSV cell: quoted when it holds a comma, quote or line break; formulas are defused for spreadsheet apps. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file with a UTF-8 byte order mark, so Excel on a Chinese Windows reads the characters right. */
export function toCsv(headers: string[], rows: unknown[][]): string {
  return '\uFEFF' + [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function download(fileName: string, content: string | Uint8Array | Blob, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fen as yuan with two decimals: 123456 → "1234.56". */
export function yuan(fen: number | null | undefined): string {
  return ((fen ?? 0) / 100).toFixed(2);
}

/** Yuan typed by staff → fen; null when it is not a positive amount with at most two decimals. */
export function toFen(text: string | number | null | undefined): number | null {
  const value = String(text ?? '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const fen = Math.round(Number(value) * 100);
  return fen > 0 ? fen : null;
}

const CONSENT_CODES = ['PRIVACY_CONSENT_REQUIRED', 'PRIVACY_POLICY_OUTDATED'];

/**
 * Photos are personal information: the server asks for the privacy policy's consent before an upload. Staff are
 * asked once (`consent` shows the policy and records the acceptance, true when given), then the upload runs again.
 */
export async function withConsent<T>(run: () => Promise<T>, consent: () => Promise<boolean>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError && CONSENT_CODES.includes(error.code) && (await consent())) return run();
    throw error;
  }
}
