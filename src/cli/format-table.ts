import type { PullThroughCacheRule } from "../models.js";

/** Short, readable names of the upstream registries; unknown values are shown as they are. */
const REGISTRY_LABELS: Readonly<Record<string, string>> = {
  "docker-hub": "Docker Hub",
  "ecr-public": "ECR Public",
  ecr: "ECR",
  quay: "Quay",
  k8s: "Kubernetes",
  "github-container-registry": "GitHub",
  "gitlab-container-registry": "GitLab",
  "azure-container-registry": "Azure",
  chainguard: "Chainguard",
};

interface Column {
  readonly title: string;
  readonly value: (rule: PullThroughCacheRule) => string;
  /** Columns with a smaller rank give up width first when the table is too wide. */
  readonly shrinkRank: number;
  readonly minWidth: number;
}

const COLUMNS: readonly Column[] = [
  { title: "ECR prefix", value: (rule) => rule.ecrRepositoryPrefix ?? "", shrinkRank: 2, minWidth: 12 },
  { title: "Upstream", value: (rule) => label(rule.upstreamRegistry), shrinkRank: 1, minWidth: 8 },
  { title: "Upstream URL", value: (rule) => rule.upstreamRegistryUrl ?? "", shrinkRank: 0, minWidth: 12 },
  {
    title: "Created",
    value: (rule) => rule.createdAt?.toISOString().slice(0, 10) ?? "",
    shrinkRank: 3,
    minWidth: 10,
  },
];

function label(registry: string | undefined): string {
  if (registry === undefined) return "";
  return Object.hasOwn(REGISTRY_LABELS, registry) ? (REGISTRY_LABELS[registry] ?? registry) : registry;
}

/**
 * A boxed table that fits `width` columns (80 unless the terminal says otherwise): the URL column gives up
 * width first, cut values end in `…`; the prefix and date stay whole whenever they can.
 */
export function formatTable(
  rules: readonly PullThroughCacheRule[],
  options: { width?: number | undefined; nextToken?: string | undefined; title: string },
): string {
  const width = Math.max(60, options.width ?? 80);
  const cells = rules.map((rule) => COLUMNS.map((column) => column.value(rule)));
  const widths = fitWidths(
    COLUMNS.map((column, index) =>
      Math.max(column.title.length, ...cells.map((row) => row[index]?.length ?? 0)),
    ),
    width,
  );
  const inner = widths.reduce((sum, w) => sum + w + 3, -1);
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const row = (values: readonly string[]): string =>
    `| ${values.map((value, index) => fit(value, widths[index] ?? 0)).join(" | ")} |`;
  const lines = [
    `+${"-".repeat(inner)}+`,
    `|${center(`${options.title} (${rules.length} ${rules.length === 1 ? "rule" : "rules"})`, inner)}|`,
    rule,
    row(COLUMNS.map((column) => column.title)),
    rule,
    ...cells.map(row),
    rule,
  ];
  if (options.nextToken !== undefined) lines.push(`NextToken: ${options.nextToken}`);
  return lines.map((line) => `${line}\n`).join("");
}

function fitWidths(natural: number[], width: number): number[] {
  const widths = [...natural];
  const total = (): number => widths.reduce((sum, w) => sum + w + 3, 1);
  const order = COLUMNS.map((column, index) => ({ index, rank: column.shrinkRank })).sort(
    (a, b) => a.rank - b.rank,
  );
  for (const { index } of order) {
    const excess = total() - width;
    if (excess <= 0) break;
    const min = COLUMNS[index]?.minWidth ?? 1;
    widths[index] = Math.max(min, (widths[index] ?? 0) - excess);
  }
  return widths;
}

function fit(value: string, width: number): string {
  return value.length > width ? `${value.slice(0, Math.max(0, width - 1))}…` : value.padEnd(width);
}

function center(text: string, width: number): string {
  const cut = text.length > width ? text.slice(0, width) : text;
  const left = Math.floor((width - cut.length) / 2);
  return `${" ".repeat(left)}${cut}${" ".repeat(width - cut.length - left)}`;
}
