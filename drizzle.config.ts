import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new numbered SQL migration into migrations/ from the schema diff.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/app/schema.ts',
  out: './migrations',
});
