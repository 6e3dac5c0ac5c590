// A small router for the simulator's HTTP servers: path patterns with `:name` segments, one handler
// per method. A path that matches no pattern, or a known path with an unknown method, is reported
// as "no route" (the HMC answers both with 404.1).

export interface Route<Handler> {
  readonly method: string;
  readonly pattern: string;
  readonly handler: Handler;
}

export interface RouteMatch<Handler> {
  readonly handler: Handler;
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledRoute<Handler> extends Route<Handler> {
  readonly segments: readonly string[];
}

export class Router<Handler> {
  private readonly routes: CompiledRoute<Handler>[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, pattern, handler, segments: pattern.split('/') });
    return this;
  }

  match(method: string, path: string): RouteMatch<Handler> | undefined {
    const parts = path.split('/');
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params = matchSegments(route.segments, parts);
      if (params !== undefined) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function matchSegments(segments: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] ?? '';
    const part = parts[i] ?? '';
    if (segment.startsWith(':')) {
      if (part === '') return undefined;
      let decoded: string;
      try {
        decoded = decodeURIComponent(part);
      } catch {
        return undefined;
      }
      params[segment.slice(1)] = decoded;
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}
