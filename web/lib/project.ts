// The project a page is about, from its URL, or the 404 page.
import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { Store } from "../../store/queries.ts";
import { slugFromParams } from "./paths.ts";
import { getStore } from "./store.ts";

export interface PageProject {
  readonly store: Store;
  readonly id: number;
  readonly slug: string;
  readonly defaultBranch: string | null;
}

export async function loadProject(params: Promise<{ org: string; repo: string }>): Promise<PageProject> {
  // Pages read the database at request time, never while building.
  await connection();
  const store = await getStore();
  const slug = slugFromParams(await params);
  const project = await store.getProject({ slug });
  if (!project) notFound();
  return { store, id: project.id, slug: project.slug, defaultBranch: project.defaultBranch };
}
