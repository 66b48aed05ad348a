// Runs once when the server starts, before it takes requests: settings are checked, migrations applied, and
// the retention of raw results scheduled. A bad setting or an unusable database stops the server here.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDashboard } = await import("./lib/start-dashboard.ts");
  await startDashboard();
}
