import { useSyncExternalStore } from 'react';

// A tiny History-API router: the server answers every non-API path with index.html.

export type Route =
  { name: 'projects' } | { name: 'project'; id: string; ref?: string; avatarName?: string } | { name: 'catalog' } | { name: 'signin' } | { name: 'signup' };

export function parseRoute(pathname: string, search = ''): Route {
  const q = new URLSearchParams(search);
  const m = /^\/projects\/([^/]+)\/?$/.exec(pathname);
  if (m) {
    const r: Route = { name: 'project', id: decodeURIComponent(m[1]!) };
    const ref = q.get('ref');
    const avatarName = q.get('name');
    if (ref) r.ref = ref;
    if (avatarName) r.avatarName = avatarName;
    return r;
  }
  if (/^\/catalog\/?$/.test(pathname)) return { name: 'catalog' };
  if (/^\/signin\/?$/.test(pathname)) return { name: 'signin' };
  if (/^\/signup\/?$/.test(pathname)) return { name: 'signup' };
  return { name: 'projects' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'project': {
      const q = new URLSearchParams();
      if (route.ref) q.set('ref', route.ref);
      if (route.avatarName) q.set('name', route.avatarName);
      const qs = q.toString();
      return `/projects/${encodeURIComponent(route.id)}${qs ? `?${qs}` : ''}`;
    }
    case 'catalog':
      return '/catalog';
    case 'signin':
      return '/signin';
    case 'signup':
      return '/signup';
    default:
      return '/';
  }
}

const listeners = new Set<() => void>();
if (typeof window !== 'undefined') window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(route: Route | string, replace = false): void {
  const href = typeof route === 'string' ? route : hrefOf(route);
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => location.pathname + location.search;

export function useRoute(): Route {
  const loc = useSyncExternalStore(subscribe, snapshot);
  const i = loc.indexOf('?');
  return i < 0 ? parseRoute(loc) : parseRoute(loc.slice(0, i), loc.slice(i));
}
