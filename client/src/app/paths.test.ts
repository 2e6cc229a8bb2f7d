import { describe, expect, it } from 'vitest';
import { matchPath } from 'react-router';
import { catalogAvatarHref, nextPath, paths, signInHref, studioHref, studioPrefill } from './paths.ts';

/** The route a path shows, as App's <Routes> match it (anything else shows the projects). */
function routeOf(pathname: string): string {
  const named = [paths.studio, paths.catalog, paths.usage, paths.signIn, paths.signUp];
  return named.find((p) => matchPath({ path: p, caseSensitive: true }, pathname)) ?? paths.projects;
}

describe('paths', () => {
  it('parses and prints routes', () => {
    expect(routeOf('/')).toBe(paths.projects);
    expect(routeOf('/catalog')).toBe(paths.catalog);
    expect(routeOf('/catalog/')).toBe(paths.catalog);
    expect(routeOf('/usage')).toBe(paths.usage);
    expect(routeOf('/Usage')).toBe(paths.projects);
    const studio = matchPath(paths.studio, '/projects/UHJvamVjdDox');
    expect(studio?.params.id).toBe('UHJvamVjdDox');
    expect(studioPrefill(new URLSearchParams('?ref=SW1hZ2U6Mg%3D%3D&name=Camille+%E2%80%94+Tech'))).toEqual({
      ref: 'SW1hZ2U6Mg==',
      avatarName: 'Camille — Tech',
    });
    const href = studioHref('UHJvamVjdDox', { ref: 'SW1hZ2U6Mg==', avatarName: 'Camille — Tech' });
    const url = new URL(href, 'http://x');
    expect(matchPath(paths.studio, url.pathname)?.params.id).toBe('UHJvamVjdDox');
    expect(studioPrefill(url.searchParams)).toEqual({ ref: 'SW1hZ2U6Mg==', avatarName: 'Camille — Tech' });
    expect(routeOf('/nowhere')).toBe(paths.projects);
  });
});

describe('coming back after signing in', () => {
  it('keeps a path of the app and refuses anything that could leave it', () => {
    const back = catalogAvatarHref('QXZhdGFyOjE=');
    expect(back).toBe('/catalog?avatar=QXZhdGFyOjE%3D');
    const signIn = new URL(signInHref(back), 'http://x');
    expect(signIn.pathname).toBe(paths.signIn);
    expect(nextPath(signIn.searchParams)).toBe(back);
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'catalog', ''])
      expect(nextPath(new URLSearchParams({ next: bad }))).toBeNull();
    expect(nextPath(new URLSearchParams())).toBeNull();
  });
});
