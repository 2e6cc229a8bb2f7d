/** An expected reason `npm start` cannot start: printed as what failed and what to do, without a stack. */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}

const errnoOf = (e: unknown) => (e as NodeJS.ErrnoException | null | undefined)?.code;

/** Turns the errors of a known step into a StartupError; anything else is left alone (a bug: its stack is printed). */
export function explainStartupError(e: unknown, step: { what: string; connection?: string; hint: string }): unknown {
  if (e instanceof StartupError) return e;
  const code = errnoOf(e);
  const message = (e as Error | null | undefined)?.message ?? String(e);
  const network = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
  // PostgreSQL's own refusals carry a SQLSTATE: 28xxx authentication, 3D000 no such database, 53xxx resources,
  // 57P03 starting up.
  const sqlState = (e as { code?: string } | null | undefined)?.code;
  if (
    (code && network.includes(code)) ||
    (sqlState && /^(28|3D|53|57P0)/.test(sqlState)) ||
    /timeout|Connection terminated|self.signed|certificate|SSL|Can't reach database server|authentication failed/i.test(
      message,
    )
  ) {
    return new StartupError(
      `${step.what} failed${step.connection ? ` (${step.connection})` : ''}: ${message || code}`,
      step.hint,
    );
  }
  return e;
}

/** The connection target of a URL, without its credentials. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

/** A listen error (the port is taken, privileged, or HOST is not ours) as what failed and what to do. */
export function listenError(e: unknown, port: number, host: string): unknown {
  const code = errnoOf(e);
  if (code === 'EADDRINUSE') {
    const hint = `stop what listens there (\`ss -ltnp 'sport = :${port}'\` shows it), or set PORT to a free port`;
    return new StartupError(`port ${port} on ${host} is already in use`, hint);
  }
  if (code === 'EACCES') {
    const hint = 'set PORT to a port above 1023';
    return new StartupError(`port ${port} on ${host} needs privileges this user lacks`, hint);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    const hint = 'set HOST to 0.0.0.0, 127.0.0.1 or one of its addresses';
    return new StartupError(`HOST ${host} is not an address of this machine`, hint);
  }
  return e;
}
