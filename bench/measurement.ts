// What a measurement child reports, and what the parent makes of a child's run.

/** The one JSON line a child prints on stdout. */
export type ChildReport =
  | { readonly ok: true; readonly testCases: number; readonly seconds: number; readonly peakRssBytes: number }
  | { readonly ok: false; readonly error: string; readonly peakRssBytes: number };

export interface Success {
  readonly ok: true;
  readonly testCases: number;
  readonly seconds: number;
  readonly peakRssBytes: number;
}

export interface Failure {
  readonly ok: false;
  /** What a reader should see, e.g. "out of memory (exit code 134)". */
  readonly reason: string;
}

export type Measurement = Success | Failure;
