// The digest's picture: incidents per week over the last 12 weeks beside the AI systems by risk
// tier, as one PNG that Slack, Teams and e-mail can all show.
// Chart.js draws on a Skia canvas (@napi-rs/canvas, a prebuilt binary from npm). A minimal server has
// no fonts at all, so the text uses DejaVu Sans from the dejavu-fonts-ttf package instead of relying
// on the system: without a registered font Skia draws no text and the axes come out blank.
import { createRequire } from "node:module";
import path from "node:path";
import { createCanvas, GlobalFonts, type Canvas } from "@napi-rs/canvas";
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Title, type ChartConfiguration } from "chart.js";
import { formatShortDate, tierKeyLabels } from "./digestWording.js";
import type { TierKey, WeeklyDigest } from "./weeklyDigest.js";

const panelWidth = 640;
const panelHeight = 400;
const fontFamily = "DejaVu Sans";
const tierOrder: TierKey[] = ["high", "medium", "low", "unassessed"];
const tierColours: Record<TierKey, string> = { high: "#c0392b", medium: "#e67e22", low: "#27ae60", unassessed: "#95a5a6" };

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title);

let fontRegistered = false;

function registerFont(): void {
  if (fontRegistered) return;
  const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  GlobalFonts.registerFromPath(path.join(fontDir, "DejaVuSans.ttf"), fontFamily);
  GlobalFonts.registerFromPath(path.join(fontDir, "DejaVuSans-Bold.ttf"), fontFamily);
  Chart.defaults.font.family = fontFamily;
  Chart.defaults.color = "#333333";
  fontRegistered = true;
}

/** Both panels side by side on a white background, 1280 × 400 pixels. */
export function renderDigestChart(digest: WeeklyDigest): Buffer {
  registerFont();
  const panels = [incidentsPerWeekChart(digest), systemsByTierChart(digest)];
  const canvas = createCanvas(panelWidth * panels.length, panelHeight);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  panels.forEach((config, index) => drawPanel(config, (panel) => context.drawImage(panel, index * panelWidth, 0)));
  return canvas.toBuffer("image/png");
}

/** Draws one chart on its own canvas and hands it over before destroy(), which clears the canvas. */
function drawPanel(config: ChartConfiguration<"bar">, use: (panel: Canvas) => void): void {
  const canvas = createCanvas(panelWidth, panelHeight);
  // Chart.js only needs getContext("2d") and a size, which the Skia canvas provides outside a browser.
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
  });
  try {
    use(canvas);
  } finally {
    chart.destroy();
  }
}

function incidentsPerWeekChart({ incidentsPerWeek, period }: WeeklyDigest): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: incidentsPerWeek.map((week) => formatShortDate(week.weekStart)),
      datasets: [{ data: incidentsPerWeek.map((week) => week.count), backgroundColor: "#2c6fbb" }],
    },
    options: {
      layout: { padding: 16 },
      plugins: { title: titleOf(`Incidents reported per week (weeks from Monday, ${period.timeZone})`) },
      scales: { y: countAxis(), x: { grid: { display: false } } },
    },
  };
}

function systemsByTierChart({ systems }: WeeklyDigest): ChartConfiguration<"bar"> {
  const tiers = tierOrder.filter((tier) => tier !== "unassessed" || systems.byRiskTier.unassessed > 0);
  return {
    type: "bar",
    data: {
      labels: tiers.map((tier) => tierKeyLabels[tier]),
      datasets: [{ data: tiers.map((tier) => systems.byRiskTier[tier]), backgroundColor: tiers.map((tier) => tierColours[tier]) }],
    },
    options: {
      layout: { padding: 16 },
      plugins: { title: titleOf(`AI systems in use by risk tier (${systems.total})`) },
      scales: { y: countAxis(), x: { grid: { display: false } } },
    },
  };
}

function titleOf(text: string) {
  return { display: true, text, font: { size: 16, weight: "bold" as const }, padding: { bottom: 12 } };
}

/** Whole numbers only: half an incident means nothing to a reader. */
function countAxis() {
  return { beginAtZero: true, ticks: { precision: 0 } };
}
