// Checking an existing AI inventory before import: line numbers, tiers as for a registration, and
// "incomplete" (never a guessed tier) when answers are missing.
import { describe, expect, it } from "vitest";
import { checkInventoryRows } from "../../src/inventory/inventoryRows.js";

const context = { ownerIdByEmail: new Map([["ada@acme.example", "p-ada"]]), referenceByName: new Map([["claims triage", "AIS-0001"]]) };
const full = {
  name: "CV screener",
  owner_email: "Ada@acme.example",
  description: "Ranks applicants",
  vendor: "HireCo",
  kind: "Third-party AI service",
  lifecycle_stage: "in_production",
  intended_use: "Shortlisting by recruiters",
  data_categories: "personal",
  affected_parties: "third_parties",
  autonomy_level: "fully_automated",
  regulated_domain: "Employment and HR",
};

describe("checking inventory rows", () => {
  it("derives the tier with its reasons as a registration does, taking codes or labels", () => {
    const { entries, problems } = checkInventoryRows([full], context);
    expect(problems).toEqual([]);
    expect(entries[0]).toMatchObject({ ownerId: "p-ada", kind: "third_party_service", regulatedDomain: "employment_hr", missing: [], tier: { tier: "high" } });
    expect(entries[0]!.tier!.reasons[0]).toContain("fully automated decisions affecting people in a regulated domain");
  });

  it("keeps an entry with missing answers as incomplete, without a tier, naming what is missing", () => {
    const { entries } = checkInventoryRows([{ name: "Copilot", owner_email: "ada@acme.example", description: "Drafts e-mails", vendor: "Microsoft", kind: "embedded_in_purchased_software", lifecycle_stage: "in_production" }], context);
    expect(entries[0]!.tier).toBeNull();
    expect(entries[0]!.missing).toEqual(["intendedUse", "dataCategories", "affectedParties", "autonomyLevel", "regulatedDomain"]);
  });

  it("names every problem with its line, and nothing is accepted from a file with problems", () => {
    const rows = [
      full,
      { ...full, name: "cv SCREENER" },
      { ...full, name: "Claims triage" },
      { ...full, name: "Chatbot", owner_email: "nobody@acme.example" },
      { ...full, name: "Scorer", kind: "robot", data_categories: "personal;dna" },
      { ...full, name: "", owner_email: "" },
    ];
    expect(checkInventoryRows(rows, context).problems).toEqual([
      'line 3: name: "cv SCREENER" is already on line 2',
      'line 4: name: "Claims triage" is already in the inventory as AIS-0001',
      "line 5: owner_email: nobody with the e-mail nobody@acme.example is in the directory (import people first: npx aims people import)",
      'line 6: kind: "robot" is not one of internal_model, third_party_service, embedded_in_purchased_software, component_in_own_product; data_categories: "dna" not one of personal, special_category, biometric, children, confidential_business, public_only (separate several with ;)',
      "line 7: name: missing; owner_email: missing (every entry needs an owner who answers for it)",
    ]);
  });
});
