import { connection } from "next/server";
import { getStore } from "../lib/store.ts";

export default async function Home() {
  await connection();
  const store = await getStore();
  const projects = await store.listProjects();
  return <main>{projects.length} projects</main>;
}
