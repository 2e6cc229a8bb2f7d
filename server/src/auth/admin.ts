import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db.ts';
import { hashPassword } from './crypto.ts';

/**
 * Makes `email` an ADMIN, creating the account if needed. Returns the generated password for a new account without
 * one.
 */
export async function ensureAdmin(
  prisma: PrismaClient,
  email: string,
  password?: string,
): Promise<{ created: boolean; password?: string }> {
  const address = email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email: address } });
  if (existing) {
    await prisma.user.update({
      where: { id: existing.id },
      data: { role: 'ADMIN', ...(password ? { passwordHash: await hashPassword(password) } : {}) },
    });
    return { created: false };
  }
  const chosen = password ?? randomBytes(12).toString('base64url');
  await prisma.user.create({
    data: {
      email: address,
      name: address.split('@')[0] ?? 'admin',
      role: 'ADMIN',
      passwordHash: await hashPassword(chosen),
    },
  });
  return { created: true, ...(password ? {} : { password: chosen }) };
}
