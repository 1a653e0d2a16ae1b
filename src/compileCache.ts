import { enableCompileCache } from 'module';

/**
 * Node keeps the compiled bytecode of every module on disk (Node ≥ 22.1), so a restart does not
 * compile botbuilder, restify and the Cosmos SDK again: most of the start-up time is module
 * loading. Imported first by the entry point; the cache lives in the OS's temporary directory
 * (or NODE_COMPILE_CACHE) and is rebuilt by itself when Node or a module changes.
 */
enableCompileCache?.();
