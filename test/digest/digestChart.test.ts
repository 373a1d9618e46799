import { describe, expect, it } from "vitest";
import { loadImage, createCanvas } from "@napi-rs/canvas";
import { renderDigestChart } from "../../src/digest/digestChart.js";
import { chartWeekStarts, digestPeriod, zeroCounts, type WeeklyDigest } from "../../src/digest/weeklyDigest.js";

function sampleDigest(): WeeklyDigest {
  const period = digestPeriod(new Date("2026-11-25T12:00:00Z"), "Europe/London");
  const breakdown = { total: 0, bySeverity: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 }, byType: zeroCounts(["bias", "inaccurate_output", "privacy", "safety", "security", "drift", "transparency", "misuse", "other"] as const), confidential: 0 };
  const none = { count: 0, confidential: 0, items: [] };
  return {
    period,
    systems: {
      total: 20,
      newThisWeek: 1,
      byRiskTier: { high: 3, medium: 11, low: 6, unassessed: 0 },
      byKind: { internal_model: 6, third_party_service: 6, embedded_in_purchased_software: 5, component_in_own_product: 3, unspecified: 0 },
      awaitingReview: 5,
      overdueReview: 2,
      overdueAttestation: 1,
      attestationMonths: 6,
    },
    shadowAi: { newThisWeek: 0, open: 2 },
    incidents: { openedThisWeek: breakdown, closedThisWeek: breakdown, open: { total: 0, byAge: { underOneDay: 0, oneToSevenDays: 0, eightToThirtyDays: 0, overThirtyDays: 0 }, awaitingTriage: 0 } },
    overdueActions: none,
    overdueReviews: none,
    overdueAttestations: none,
    longOpenIncidents: none,
    needsAttention: [],
    lastWeekRecorded: false,
    upcomingReviews: { count: 0, items: [] },
    policyQuestions: { unansweredThisWeek: 0, routedToGovernance: 0, answeredByGovernance: 0 },
    incidentsPerWeek: chartWeekStarts(period).map((weekStart, index) => ({ weekStart, count: index % 4 })),
  };
}

/** Pixels clearly darker than the white background inside a rectangle of the image. */
async function darkPixels(png: Buffer, x: number, y: number, width: number, height: number): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(x, y, width, height);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128) dark++;
  return dark;
}

describe("the digest chart", () => {
  it("is a PNG of two panels, 1280 by 400 pixels", () => {
    const png = renderDigestChart(sampleDigest());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(400);
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(500_000);
  });

  it("draws the titles as text and the bars in colour", async () => {
    const png = renderDigestChart(sampleDigest());
    // The title band of each panel holds dark text pixels; a missing font leaves it white.
    expect(await darkPixels(png, 0, 0, 640, 40)).toBeGreaterThan(300);
    expect(await darkPixels(png, 640, 0, 640, 40)).toBeGreaterThan(300);
    const image = await loadImage(png);
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    // The medium tier's orange bar stands in the middle of the right panel.
    const [red, green, blue] = context.getImageData(960, 300, 1, 1).data;
    expect([red, green, blue]).toEqual([0xe6, 0x7e, 0x22]);
  });
});
