// drizzle-kit generates the SQLite migrations into drizzle/ from the one schema: `npx drizzle-kit generate`.
// Migrations are never edited once committed; a schema change is a new migration.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./store/schema.ts",
  out: "./drizzle",
});
