import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv, SETTING_NAMES } from "~/env.server";

// The README's Configuration table is what operators read: it must name every setting Panel
// parses, and nothing Panel does not read.
function documentedNames(): string[] {
  const readme = fs.readFileSync("README.md", "utf8");
  const section = readme.split("## Configuration")[1].split("\n## ")[0];
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));
  return rows.flatMap((row) => [...row.split("|")[1].matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]));
}

describe("settings", () => {
  it("are all in the README's Configuration table, and the table names only real settings", () => {
    expect([...documentedNames()].sort()).toEqual([...SETTING_NAMES].sort());
  });

  it("refuse a pool size that is not a whole number, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "test", DATABASE_POOL_SIZE: "many" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(parseEnv({ NODE_ENV: "test" }).DATABASE_POOL_SIZE).toBe(10);
  });
});
