// npm run admin:create -- <email> [password]   (or ADMIN_PASSWORD in the environment)
import { z } from 'zod';
import { ensureAdmin } from '../auth/admin.ts';
import { loadConfig } from '../config.ts';
import { applyMigrations } from '../db/engine.ts';
import { createDatabase } from '../db.ts';
import { startDatabase } from '../runtime.ts';

const [email, password = process.env.ADMIN_PASSWORD] = process.argv.slice(2);
if (!email || !z.email().safeParse(email).success) {
  console.error('usage: npm run admin:create -- <email> [password]');
  process.exit(2);
}
if (password !== undefined && password.length < 8) {
  console.error('the password needs at least 8 characters');
  process.exit(2);
}
const database = await startDatabase(loadConfig());
try {
  await applyMigrations(database.value);
  const { db, close } = createDatabase(database.value, { max: 2 });
  const result = await ensureAdmin(db, email, password);
  await close();
  console.log(result.created ? `created admin ${email}` : `${email} is now an admin`);
  if (result.password) console.log(`password: ${result.password}  (shown once)`);
} finally {
  await database.stop();
}
