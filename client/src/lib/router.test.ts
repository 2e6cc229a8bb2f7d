import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './router.ts';

describe('router', () => {
  it('parses and prints routes', () => {
    expect(parseRoute('/')).toEqual({ name: 'projects' });
    expect(parseRoute('/catalog')).toEqual({ name: 'catalog' });
    expect(parseRoute('/projects/UHJvamVjdDox', '?ref=SW1hZ2U6Mg%3D%3D&name=Camille+%E2%80%94+Tech')).toEqual({
      name: 'project',
      id: 'UHJvamVjdDox',
      ref: 'SW1hZ2U6Mg==',
      avatarName: 'Camille — Tech',
    });
    const r = { name: 'project', id: 'UHJvamVjdDox', ref: 'SW1hZ2U6Mg==', avatarName: 'Camille — Tech' } as const;
    const href = hrefOf(r);
    const [path, qs] = href.split('?');
    expect(parseRoute(path!, `?${qs}`)).toEqual(r);
    expect(parseRoute('/nowhere')).toEqual({ name: 'projects' });
  });
});
