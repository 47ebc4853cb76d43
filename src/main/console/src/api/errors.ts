// Every error the console shows is the server's own Chinese message; the code decides what happens next.
export class ApiError extends Error {
  constructor(message: string, readonly code: string, readonly field?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQlErrorShape { message?: string; extensions?: { code?: string; field?: string } }

export function fromGraphQlErrors(errors: GraphQlErrorShape[]): ApiError {
  const first = errors[0] ?? {};
  return new ApiError(first.message || '系统繁忙，请稍后再试', first.extensions?.code ?? 'INTERNAL', first.extensions?.field);
}

/** Text to show for any failure: the server's message, or a network message in Chinese. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '网络异常，请检查网络后重试';
}
