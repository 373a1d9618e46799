// What people type about audits, reviews and nonconformities, and what it is understood as.
import { describe, expect, it } from "vitest";
import { parseNonconformityCommand } from "../../src/nonconformities/nonconformityUseCases.js";
import { namesIn } from "../../src/reviews/flows/reviewFlows.js";
import { requirementOf } from "../../src/domain/nonconformity.js";
import { parseReviewCommand } from "../../src/reviews/reviewCommandWords.js";

describe("review commands", () => {
  it.each([
    ["audit REV-0001 results", { kind: "results", reference: "REV-0001" }],
    ["review rev-2 results", { kind: "results", reference: "REV-0002" }],
    ["record results REV-0003", { kind: "results", reference: "REV-0003" }],
    ["record the results of rev 4", { kind: "results", reference: "REV-0004" }],
    ["review inputs REV-0002", { kind: "inputs", reference: "REV-0002" }],
    ["prepare review REV-0002", { kind: "inputs", reference: "REV-0002" }],
    ["prepare management review REV-12", { kind: "inputs", reference: "REV-0012" }],
    ["REV-0001", { kind: "show", reference: "REV-0001" }],
    ["schedule review 2027-01-01 Q1", null],
    ["reviews", null],
  ])("%s", (typed, expected) => expect(parseReviewCommand(typed)).toEqual(expected));
});

describe("nonconformity commands", () => {
  it.each([
    ["nonconformity REV-0001", { kind: "raise", review: "REV-0001" }],
    ["finding rev-1", { kind: "raise", review: "REV-0001" }],
    ["raise a nonconformity", { kind: "raise", review: null }],
    ["nonconformity", { kind: "raise", review: null }],
    ["nonconformities", { kind: "list", all: false }],
    ["nonconformities all", { kind: "list", all: true }],
    ["NC-0001", { kind: "act", reference: "NC-0001", action: "view" }],
    ["nc-3 plan", { kind: "act", reference: "NC-0003", action: "plan" }],
    ["NC-0001 close", { kind: "act", reference: "NC-0001", action: "close" }],
    ["INC-0001", null],
  ])("%s", (typed, expected) => expect(parseNonconformityCommand(typed)).toEqual(expected));
});

describe("requirements a nonconformity is raised against", () => {
  it.each([
    ["A.6.2.4", "A.6.2.4"],
    ["a 6.2.4", "A.6.2.4"],
    ["9.2.2", "9.2.2"],
    ["clause 8.4", "8.4"],
    ["control A.7.4", "A.7.4"],
    ["A.99", null],
    ["11.1", null],
  ])("%s", (typed, expected) => {
    const found = requirementOf(typed);
    expect(found.ok ? found.id : null).toBe(expected);
  });
});

describe("attendees", () => {
  it.each([
    ["Amara Okafor, Daniel Mensah and Priya Raman", ["Amara Okafor", "Daniel Mensah", "Priya Raman"]],
    ["Daniel; Sofia & Kenji", ["Daniel", "Sofia", "Kenji"]],
    ["The whole governance board", ["The whole governance board"]],
  ])("%s", (typed, expected) => expect(namesIn(typed)).toEqual(expected));
});
