// The app's URLs (the server answers every non-API path with index.html). Every other path shows the projects.

export const paths = {
  projects: '/',
  catalog: '/catalog',
  library: '/library',
  usage: '/usage',
  signIn: '/signin',
  signUp: '/signup',
  /** Admins only (features/admin); anyone else gets the not-found screen. */
  admin: '/admin',
  /** The route pattern of a studio. */
  studio: '/projects/:id',
};

/** A studio's URL; `ref` (an image id) and `avatarName` pre-fill its avatar form. */
export function studioHref(id: string, prefill: { ref?: string; avatarName?: string } = {}): string {
  const q = new URLSearchParams();
  if (prefill.ref) q.set('ref', prefill.ref);
  if (prefill.avatarName) q.set('name', prefill.avatarName);
  const qs = q.toString();
  return `/projects/${encodeURIComponent(id)}${qs ? `?${qs}` : ''}`;
}

/** What a studio URL's query pre-fills (see studioHref). */
export function studioPrefill(search: URLSearchParams): { ref?: string; avatarName?: string } {
  const out: { ref?: string; avatarName?: string } = {};
  const ref = search.get('ref');
  const avatarName = search.get('name');
  if (ref) out.ref = ref;
  if (avatarName) out.avatarName = avatarName;
  return out;
}

/** The catalog with one avatar's dialog open (what signing in from that dialog comes back to). */
export const catalogAvatarHref = (avatarId: string): string =>
  `${paths.catalog}?${new URLSearchParams({ avatar: avatarId }).toString()}`;

/** The sign-in (or sign-up) page that comes back to `next` once signed in. */
export const signInHref = (next: string, page: string = paths.signIn): string =>
  `${page}?${new URLSearchParams({ next }).toString()}`;

/** Where to go once signed in: `next` when it is a path of this app (never another origin), else null. */
export function nextPath(search: URLSearchParams): string | null {
  const next = search.get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : null;
}
