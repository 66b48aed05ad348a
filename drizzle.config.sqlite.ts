// drizzle-kit generates the SQLite migrations into drizzle/sqlite/ from the one schema (store/schema.ts):
// `npm run db:generate` runs it for both databases. Migrations are never edited once committed; a schema
// change is a new migration for each database.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./store/schema-sqlite.ts",
  out: "./drizzle/sqlite",
});
