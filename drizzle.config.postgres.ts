// drizzle-kit generates the PostgreSQL migrations into drizzle/postgres/ from the one schema
// (store/schema.ts): `npm run db:generate` runs it for both databases. What drizzle-kit cannot express (the
// monthly partitions of test_results, fill factors) is a custom migration (`drizzle-kit generate --custom`).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./store/schema-postgres.ts",
  out: "./drizzle/postgres",
});
