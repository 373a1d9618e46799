// The checks a people CSV goes through before anything is stored, each problem named with its line.
import { describe, expect, it } from "vitest";
import { checkPeopleRows } from "../../src/people/peopleCsv.js";

const row = (email: string, extra: Record<string, string> = {}) => ({ email, name: email.split("@")[0]!, roles: "member", manager_email: "", time_zone: "Europe/Berlin", ...extra });

describe("checking a people CSV", () => {
  it("accepts a valid file, always including the member role and ordering roles", () => {
    const checked = checkPeopleRows([row("ada@acme.example", { roles: "governance;owner" }), row("bob@acme.example", { manager_email: "ada@acme.example" })], []);
    expect(checked.problems).toEqual([]);
    expect(checked.rows.map((person) => [person.email, person.roles, person.managerEmail])).toEqual([
      ["ada@acme.example", ["member", "owner", "governance"], null],
      ["bob@acme.example", ["member"], "ada@acme.example"],
    ]);
  });

  it("names a bad e-mail address with its line", () => {
    expect(checkPeopleRows([row("ada@acme.example"), row("not-an-address")], []).problems).toEqual(['line 3: email: "not-an-address" is not an e-mail address']);
  });

  it("names an unknown role and says which roles exist", () => {
    const { problems } = checkPeopleRows([row("ada@acme.example", { roles: "owner;boss" })], []);
    expect(problems).toEqual(['line 2: roles: "boss" is not a role (use member, owner, manager, auditor, governance, separated by ;)']);
  });

  it("names a manager who is neither in the file nor in the directory", () => {
    const rows = [row("ada@acme.example", { manager_email: "carol@acme.example" }), row("bob@acme.example", { manager_email: "dan@acme.example" })];
    expect(checkPeopleRows(rows, [{ email: "carol@acme.example", managerEmail: null }]).problems).toEqual([
      "line 3: manager_email: dan@acme.example is neither in this file nor in the directory",
    ]);
  });

  it("names every line of a loop of managers, also through someone already in the directory", () => {
    const rows = [
      row("ada@acme.example", { manager_email: "bob@acme.example" }),
      row("bob@acme.example", { manager_email: "carol@acme.example" }),
      row("eve@acme.example", { manager_email: "ada@acme.example" }),
    ];
    const { problems } = checkPeopleRows(rows, [{ email: "carol@acme.example", managerEmail: "ada@acme.example" }]);
    expect(problems).toEqual([
      "line 2: manager_email: a loop of managers (ada@acme.example → bob@acme.example → carol@acme.example → ada@acme.example)",
      "line 3: manager_email: a loop of managers (bob@acme.example → carol@acme.example → ada@acme.example → bob@acme.example)",
    ]);
  });

  it("refuses someone who manages themselves", () => {
    expect(checkPeopleRows([row("ada@acme.example", { manager_email: "ada@acme.example" })], []).problems).toEqual([
      "line 2: manager_email: a loop of managers (ada@acme.example → ada@acme.example)",
    ]);
  });

  it("names duplicate rows (e-mails compared without case) with the line of the first", () => {
    const { problems } = checkPeopleRows([row("ada@acme.example"), row("bob@acme.example"), row("ADA@acme.example")], []);
    expect(problems).toEqual(["line 4: email: ada@acme.example is already on line 2; one line per person"]);
  });

  it("names a bad time zone, a malformed Slack id and a Slack id used twice", () => {
    const { problems } = checkPeopleRows(
      [row("ada@acme.example", { slack_user_id: "U0ADA" }), row("bob@acme.example", { slack_user_id: "U0ADA" }), row("cy@acme.example", { time_zone: "Mars/Olympus", slack_user_id: "hello" })],
      [],
    );
    expect(problems).toEqual([
      "line 3: slack_user_id: U0ADA is already on line 2",
      'line 4: time_zone: "Mars/Olympus" is not an IANA time zone (e.g. Europe/Berlin); slack_user_id: "hello" is not a Slack user id (e.g. U012AB3CD)',
    ]);
  });

  it("reports several problems of one line together", () => {
    expect(checkPeopleRows([{ email: "x", name: "", roles: "chief", manager_email: "", time_zone: "" }], []).problems).toEqual([
      'line 2: email: "x" is not an e-mail address; name: missing; roles: "chief" is not a role (use member, owner, manager, auditor, governance, separated by ;)',
    ]);
  });
});
