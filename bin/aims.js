#!/usr/bin/env node
// The `aims` command. The sources are TypeScript; tsx compiles them on the fly.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/aims.ts");
