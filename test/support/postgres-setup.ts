// Vitest global setup of the projects that run against PostgreSQL: one private cluster for the whole run, and
// a template database with the real migrations applied, from which each test's database is copied
// (CREATE DATABASE … TEMPLATE: a few milliseconds). Tests find the cluster through inject("postgresUrl").
import type { TestProject } from "vitest/node";
import { openStore } from "../../store/queries.ts";
import { startPostgresCluster } from "./postgres.ts";
import { MIGRATIONS, TEMPLATE_DATABASE } from "./web/database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  try {
    await cluster.admin(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    const store = await openStore({ database: cluster.url(TEMPLATE_DATABASE), migrationsFolder: MIGRATIONS });
    await store.close();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide("postgresUrl", cluster.url());
  return () => cluster.stop();
}
