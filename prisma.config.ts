// Prisma CLI configuration. The service itself never needs the CLI at run time:
// it applies migrations through the WebAssembly schema engine (src/store/migrations).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/aims" },
});
