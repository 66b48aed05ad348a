"use client";
// The charts. They draw in the browser only (recharts measures the page), from plain data the server
// components hand over; nothing here reads the database.
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
import { formatDay, formatDuration, formatDurationTick } from "../lib/format.ts";
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

const axis = { fontSize: 11, fill: "#5b6577" };

export function WallTimeChart({
  series,
  points,
}: {
  series: readonly { key: string; label: string }[];
  points: readonly Point[];
}) {
  return (
    <div className={styles.chart} data-chart="wall-time">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDay} tick={axis} minTickGap={24} />
          <YAxis tickFormatter={formatDurationTick} tick={axis} width={56} />
          <Tooltip
            labelFormatter={(day) => formatDay(String(day))}
            formatter={(value, name) => [formatDuration(Number(value)), labelOf(series, String(name))]}
          />
          <Legend formatter={(name) => labelOf(series, String(name))} wrapperStyle={{ fontSize: 12 }} />
          {series.map((entry, index) => (
            <Line
              key={entry.key}
              type="monotone"
              dataKey={entry.key}
              stroke={SERIES_COLOURS[index % SERIES_COLOURS.length]}
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
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
    <div className={styles.chart} data-chart="infra">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...points]} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDay} tick={axis} minTickGap={24} />
          <YAxis allowDecimals={false} tick={axis} width={32} />
          <Tooltip labelFormatter={(day) => formatDay(String(day))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {signatures.map((signature, index) => (
            <Bar
              key={signature}
              dataKey={signature}
              stackId="infra"
              fill={INFRA_COLOURS[index % INFRA_COLOURS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function DurationChart({ points }: { points: readonly Point[] }) {
  return (
    <div className={styles.chart} data-chart="duration">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDay} tick={axis} minTickGap={24} />
          <YAxis tickFormatter={formatDurationTick} tick={axis} width={56} />
          <Tooltip
            labelFormatter={(day) => formatDay(String(day))}
            formatter={(value, name) => [formatDuration(Number(value)), String(name)]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="monotone"
            dataKey="p50"
            name="p50"
            stroke="#2f5bd3"
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="p95"
            name="p95"
            stroke="#b7791f"
            strokeWidth={2}
            strokeDasharray="4 3"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function labelOf(series: readonly { key: string; label: string }[], key: string): string {
  return series.find((entry) => entry.key === key)?.label ?? key;
}
