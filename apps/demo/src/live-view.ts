import type { TrafficReport } from './background-traffic.js';

/** One held-out example shown on every version line, as the server predicted it. */
export interface SamplePrediction {
  /** Its index in the held-out set. */
  readonly index: number;
  /** The probability of label 1 the server answered. */
  readonly probability: number;
  /** The label the server predicted. */
  readonly predicted: number;
  /** The true label. */
  readonly label: number;
}

/** What the demo measured for one served model version. */
export interface VersionReport {
  /** The model version published (1 is the saved pipeline's). */
  readonly version: number;
  /** The version the server reported answering with (`model_version`). */
  readonly servedVersion: string;
  /** Accuracy of the server's predictions on the held-out set. */
  readonly accuracy: number;
  /** Correct predictions among {@link VersionReport.total}. */
  readonly correct: number;
  /** Held-out examples sent. */
  readonly total: number;
  /** The accuracy the trainer computed locally for this version (the server must agree). */
  readonly expectedAccuracy: number;
  /** Milliseconds from publishing until the server answered with this version (0 for v1). */
  readonly servedAfterMs: number;
  /** A few held-out examples as the server predicted them. */
  readonly samples: readonly SamplePrediction[];
}

const BAR_WIDTH = 20;

/** A fixed-width bar of `fraction` (0…1), e.g. `██████████████······`. */
export function bar(fraction: number): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round(fraction * BAR_WIDTH)));
  return '█'.repeat(filled) + '·'.repeat(BAR_WIDTH - filled);
}

/** A percentage with one decimal, e.g. `87.5%`. */
export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** The column headings printed above the version lines. */
export function versionHeading(total: number): string {
  return `  version  accuracy on ${total} held-out rows (via the server)   served after   samples: p(fail) → predicted`;
}

/**
 * One compact line per served version, e.g.
 * `  v3       78.5% ███████████████·····        41 ms   #0 0.81→1 ✓  #1 0.35→0 ✓  #2 0.52→1 ✗`.
 * Plain text (no cursor movement), so it reads the same in a terminal, a pipe or a log.
 */
export function formatVersionLine(report: VersionReport): string {
  const version = `v${report.servedVersion}`.padEnd(8);
  const accuracy = percent(report.accuracy).padStart(6);
  const after = report.version === 1 ? 'at start' : `${Math.round(report.servedAfterMs)} ms`;
  const samples = report.samples
    .map(
      (s) =>
        `#${s.index} ${s.probability.toFixed(2)}→${s.predicted} ${s.predicted === s.label ? '✓' : '✗'}`,
    )
    .join('  ');
  return `  ${version} ${accuracy} ${bar(report.accuracy)}   ${after.padStart(9)}   ${samples}`;
}

/** The closing summary lines. */
export function formatSummary(
  versions: readonly VersionReport[],
  traffic: TrafficReport,
): string[] {
  const first = versions[0];
  const last = versions[versions.length - 1];
  const lines: string[] = [];
  if (first !== undefined && last !== undefined) {
    lines.push(
      `Served ${versions.length} model version${versions.length === 1 ? '' : 's'} (v${first.servedVersion} → v${last.servedVersion}); held-out accuracy ${percent(first.accuracy)} → ${percent(last.accuracy)}.`,
    );
  }
  const perVersion = [...traffic.byVersion].map(([v, n]) => `v${v}: ${n}`).join(', ');
  lines.push(
    `Meanwhile ${traffic.answered} single-row requests were answered and ${traffic.failed} failed${perVersion === '' ? '' : ` (${perVersion})`}.`,
  );
  if (traffic.firstError !== undefined) lines.push(`First failure: ${traffic.firstError}`);
  return lines;
}
