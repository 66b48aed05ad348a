"use client";
// The charts. They draw in the browser only (recharts measures the page), from plain data the server
// components hand over; nothing here reads the database. All three are one chart of days: a line or a
// stacked bar per series, durations or counts on the value axis, and the unit written on it.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { durationTicks, formatCount, formatDay, formatDuration, formatDurationTick } from "../lib/format.ts";
import styles from "./ui.module.css";

const SERIES_COLOURS = [
  "#2f5bd3",
  "#1f8a4c",
  "#b7791f",
  "#7a4fd0",
  "#cf3a3a",
  "#0f8f8f",
  "#c2410c",
  "#64748b",
];
const INFRA_COLOURS = [
  "#7a4fd0",
  "#a78bfa",
  "#c2410c",
  "#0f8f8f",
  "#b7791f",
  "#64748b",
  "#db2777",
  "#2f5bd3",
];

type Point = { readonly day: string } & { readonly [key: string]: number | string | null };

interface Series {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  readonly dashed?: boolean;
}

const axis = { fontSize: 11, fill: "#5b6577" };

export function WallTimeChart({
  series,
  points,
}: {
  series: readonly { key: string; label: string }[];
  points: readonly Point[];
}) {
  return (
    <DayChart
      name="wall-time"
      kind="line"
      unit="duration"
      points={points}
      series={series.map((entry, index) => ({
        ...entry,
        colour: SERIES_COLOURS[index % SERIES_COLOURS.length] as string,
      }))}
    />
  );
}

export function InfraChart({
  signatures,
  points,
}: {
  signatures: readonly string[];
  points: readonly Point[];
}) {
  return (
    <DayChart
      name="infra"
      kind="bar"
      unit="failed attempts"
      points={points}
      series={signatures.map((signature, index) => ({
        key: signature,
        label: signature,
        colour: INFRA_COLOURS[index % INFRA_COLOURS.length] as string,
      }))}
    />
  );
}

export function DurationChart({ points }: { points: readonly Point[] }) {
  return (
    <DayChart
      name="duration"
      kind="line"
      unit="duration"
      points={points}
      series={[
        { key: "p50", label: "p50", colour: "#2f5bd3" },
        { key: "p95", label: "p95", colour: "#b7791f", dashed: true },
      ]}
    />
  );
}

/** One chart of days. `unit` "duration" reads values as milliseconds; any other names what is counted. */
function DayChart({
  name,
  kind,
  unit,
  series,
  points,
}: {
  name: string;
  kind: "line" | "bar";
  unit: string;
  series: readonly Series[];
  points: readonly Point[];
}) {
  const durations = unit === "duration";
  const labelOf = (key: unknown) => series.find((entry) => entry.key === key)?.label ?? String(key);
  const formatValue = (value: unknown) =>
    durations ? formatDuration(Number(value)) : `${formatCount(Number(value))} ${unit}`;
  const max = Math.max(
    0,
    ...points.flatMap((point) =>
      // Stacked bars reach the sum of a day's values; lines, the largest.
      kind === "bar"
        ? [series.reduce((sum, entry) => sum + Number(point[entry.key] ?? 0), 0)]
        : series.map((entry) => Number(point[entry.key] ?? 0)),
    ),
  );
  const ticks = durations ? durationTicks(max) : undefined;
  const Chart = kind === "bar" ? BarChart : LineChart;
  return (
    <div className={styles.chart} data-chart={name}>
      <ResponsiveContainer width="100%" height="100%">
        <Chart data={[...points]} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDay} tick={axis} minTickGap={24} />
          {durations ? (
            <YAxis
              ticks={ticks}
              domain={[0, ticks?.at(-1) ?? "auto"]}
              tickFormatter={formatDurationTick}
              tick={axis}
              width={72}
            />
          ) : (
            <YAxis
              allowDecimals={false}
              tick={axis}
              width={40}
              label={{ value: unit, angle: -90, position: "insideLeft", offset: 10, style: axis }}
            />
          )}
          <Tooltip
            labelFormatter={(day) => formatDay(String(day))}
            formatter={(value, key) => [formatValue(value), labelOf(key)]}
          />
          <Legend formatter={labelOf} wrapperStyle={{ fontSize: 12 }} />
          {series.map((entry) =>
            kind === "bar" ? (
              <Bar
                key={entry.key}
                dataKey={entry.key}
                stackId="stack"
                fill={entry.colour}
                isAnimationActive={false}
              />
            ) : (
              <Line
                key={entry.key}
                type="monotone"
                dataKey={entry.key}
                stroke={entry.colour}
                strokeWidth={2}
                strokeDasharray={entry.dashed ? "4 3" : undefined}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ),
          )}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
