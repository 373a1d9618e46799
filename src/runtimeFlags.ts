// V8 settings for the long-running service, set before any other module loads (main.ts imports
// this first). Prisma's query compiler is WebAssembly: V8's optimising tier would compile it a
// second time in the background, holding tens of MB for as long as the process runs, while the
// compiler's work is small once the service's query shapes have been planned. Liftoff's baseline
// code alone keeps that memory off the idle service (measured in the README's bench section).
import module from "node:module";
import v8 from "node:v8";

v8.setFlagsFromString("--liftoff-only");

// Node 22.1 and later keep the compiled code of the modules loaded from here on (the service, the
// chat SDKs) on disk, so the next start parses less: about a fifth less CPU to load them.
// Node 20 has no such cache and starts as before. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
