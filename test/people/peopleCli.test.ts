// `aims people import|list|grant|revoke`, run as an operator runs them on the server.
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cliEnvironment, runAims } from "../support/processes.js";

describe("people and roles from the command line", () => {
  const { env, dir } = cliEnvironment("aims-people-");
  const file = (name: string, lines: string[]) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, lines.join("\n") + "\n");
    return target;
  };
  const header = "email,name,roles,manager_email,time_zone";

  it("imports all rows or none, re-imports without duplicates, and says which roles were removed", async () => {
    const broken = await runAims(["people", "import", file("broken.csv", [header, "ada@acme.example,Ada,governance,,Europe/London", "bob@acme,Bob,member,,UTC", "cy@acme.example,Cy,boss,nobody@acme.example,UTC"])], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("Nothing was imported");
    expect(broken.stderr).toContain('line 3: email: "bob@acme" is not an e-mail address');
    expect(broken.stderr).toContain('line 4: roles: "boss" is not a role');
    expect(JSON.parse((await runAims(["people", "list", "--format", "json"], env)).stdout)).toEqual([]);

    const first = file("people.csv", [header, "ada@acme.example,Ada Lovelace,governance;manager,,Europe/London", "bob@acme.example,Bob Marley,owner;auditor,ada@acme.example,America/Jamaica"]);
    const imported = await runAims(["people", "import", first], env);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toContain("2 added, 0 updated, 0 unchanged");

    const second = file("people2.csv", [header, "ada@acme.example,Ada Lovelace,governance;manager,,Europe/London", "BOB@acme.example,Bob Marley,owner,ada@acme.example,America/Jamaica"]);
    const again = await runAims(["people", "import", second], env);
    expect(again.stdout).toContain("0 added, 1 updated, 1 unchanged");
    expect(again.stdout).toContain("Roles removed because the file no longer gives them (1):\n  bob@acme.example: auditor");

    const listed = JSON.parse((await runAims(["people", "list", "--format", "json"], env)).stdout);
    expect(listed).toEqual([
      { email: "ada@acme.example", name: "Ada Lovelace", roles: ["member", "manager", "governance"], manager_email: null, time_zone: "Europe/London" },
      { email: "bob@acme.example", name: "Bob Marley", roles: ["member", "owner"], manager_email: "ada@acme.example", time_zone: "America/Jamaica" },
    ]);
    const csv = parse((await runAims(["people", "list", "--format", "csv"], env)).stdout, { columns: true });
    expect(csv[1]).toEqual({ email: "bob@acme.example", name: "Bob Marley", roles: "member; owner", manager_email: "ada@acme.example", time_zone: "America/Jamaica" });
  }, 300_000);

  it("grants and revokes roles, each a change-history entry in the roles register of the evidence pack", async () => {
    expect((await runAims(["people", "grant", "bob@acme.example", "auditor"], env)).stdout).toContain("Granted auditor to Bob Marley (bob@acme.example).");
    expect((await runAims(["people", "grant", "bob@acme.example", "auditor"], env)).stdout).toContain("already has the auditor role; nothing changed");
    expect((await runAims(["people", "revoke", "ada@acme.example", "manager"], env)).stdout).toContain("Revoked manager from Ada Lovelace");
    const unknownRole = await runAims(["people", "grant", "bob@acme.example", "boss"], env);
    expect(unknownRole.code).toBe(1);
    expect(unknownRole.stderr).toContain("boss is not a role that can be granted");
    const unknownPerson = await runAims(["people", "grant", "zed@acme.example", "owner"], env);
    expect(unknownPerson.stderr).toContain("Nobody with the e-mail zed@acme.example is in the directory");

    const out = path.join(dir, "pack");
    expect((await runAims(["export", "pack", "--out", out], env)).code).toBe(0);
    const register = parse(fs.readFileSync(path.join(out, "roles-and-responsibilities.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(register.map((row) => [row.email, row.roles, row.lastChangeChannel])).toEqual([
      ["ada@acme.example", "member; governance", "cli"],
      ["bob@acme.example", "member; owner; auditor", "cli"],
    ]);
    expect(fs.readFileSync(path.join(out, "README.md"), "utf8")).toContain("| 5.3 Assigning AIMS roles and authorities | role-assignments.md: 3; roles-and-responsibilities.md: 2 |");
    // Who holds which role since when, and who granted it: the grant from the command line is named.
    const assignments = parse(fs.readFileSync(path.join(out, "role-assignments.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(assignments.find((row) => row.email === "bob@acme.example" && row.role === "auditor")).toMatchObject({ grantedBy: "grant from the command line", grantedVia: "cli" });
    expect(fs.readFileSync(path.join(out, "role-assignments.md"), "utf8")).toMatch(/\| Bob Marley \| Auditor \| reads the registers[^|]*\| [^|]+ \| grant from the command line \(Command line\) \|/);
    const history = (parse(fs.readFileSync(path.join(out, "change-history.csv"), "utf8"), { columns: true }) as Record<string, string>[]).filter((row) => row.entityType === "person" && row.entityRef === "bob@acme.example");
    expect(history.map((row) => [row.action, row.channel, row.actorLabel])).toEqual([
      ["create", "import", expect.stringContaining("people.csv")],
      ["update", "import", expect.stringContaining("people2.csv")],
      ["update", "cli", "grant from the command line"],
    ]);
  }, 300_000);
});
