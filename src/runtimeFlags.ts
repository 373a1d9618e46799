// V8 settings for the long-running service, set before any other module loads (main.ts imports
// this first). Prisma's query compiler is WebAssembly: V8's optimising tier would compile it a
// second time in the background, holding tens of MB for as long as the process runs, while the
// compiler's work is small once the service's query shapes have been planned. Liftoff's baseline
// code alone keeps that memory off the idle service (measured in the README's bench section).
import v8 from "node:v8";

v8.setFlagsFromString("--liftoff-only");
