// Types of scripts/build-web.mjs for the TypeScript that calls it (start, the test setup, the bench).
export function hashSources(): string;
export function isBuildCurrent(): boolean;
export function buildWeb(options?: { ifNeeded?: boolean; log?: (line: string) => void }): Promise<void>;
