/**
 * An error as it may be logged: its kind and Discord's code and status, never a request body (a DiscordAPIError
 * carries the reply, which may echo the user's words) and never more than 200 characters of message.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: typeof err };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    name: e.name,
    message: e.message.split("\n")[0]!.slice(0, 200),
    ...(e.code !== undefined && { code: e.code }),
    ...(e.status !== undefined && { status: e.status }),
  };
}
