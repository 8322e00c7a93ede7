export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

export class EmailTakenError extends Error {}

const users: PublicUser[] = [];

export function createUser(input: { email: string; name: string; password: string }): PublicUser {
  if (users.some((u) => u.email === input.email)) throw new EmailTakenError(input.email);
  const user = { id: String(users.length + 1), email: input.email, name: input.name };
  users.push(user);
  return user;
}

export function verifyCredentials(email: string, password: string): PublicUser | null {
  return password ? (users.find((u) => u.email === email) ?? null) : null;
}
