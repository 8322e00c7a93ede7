// A mistake in how a command was called (a flag, an argument, a folder): exit 2 with the message. Its own
// module so every command can throw it without loading the areas.
export class UsageError extends Error {}
