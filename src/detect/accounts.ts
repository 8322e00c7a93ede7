// Who can pay in an app, for the plain reports `detect` and every area give: whether it has a signed-in
// identity at all (an auth library, sessions, a user read off the request), users it creates without a
// signup (guests, anonymous users), teams or organizations that could pay instead, and billable calls made
// with the user's own provider key. Text tests over the package's sources; no parse needed.
import type { AuthLibrary, SourceLocation } from './types.js';

export interface Accounts {
  /** What shows the app signs people in (`next-auth`, `req.user in src/routes/chat.ts`), or null when nothing does. */
  identity: string | null;
  /** Users created without a signup (`createGuestUser()`, `signInAnonymously()`). */
  guests: SourceLocation[];
  /** What shows the app has teams or organizations (`model Organization in prisma/schema.prisma`), or null. */
  teams: string | null;
  /** Provider clients built with a key that is not the app's own (`new OpenAI({ apiKey: user.openaiKey })`). */
  ownKeys: SourceLocation[];
}

const IDENTITY = /\b(req|request)\.(user|session|auth|userId)\b|getServerSession\(|\bauth\(\)|currentUser\(|getSession\(|\.jwtVerify\(|jwt\.verify\(|passport\.|getUser\(\)|supabase\.auth\.|useSession\(|cookies\(\)\.get\(['"][\w-]*(session|token)/;
const GUEST = /\b(create(Guest|Anonymous|Anon)User|signInAnonymously|anonymous)\s*\(/;
const TEAMS_CODE = /\b(activeOrganizationId|organization\(\)|orgId|organizationId|teamId|workspaceId)\b/;
const TEAMS_SCHEMA = /^\s*model\s+(Organization|Team|Workspace)\b|pgTable\(\s*['"](organizations?|teams?|workspaces?)['"]|model\(\s*['"](Organization|Team|Workspace)['"]/m;
const OWN_KEY = /new\s+(OpenAI|Anthropic|Groq|GoogleGenAI|Replicate)\s*\(\s*\{[^}]*apiKey\s*:\s*(?!process\.env|env\.|config\.|import\.meta)([^,}\n]+)|create(OpenAI|Anthropic|Groq|Google\w*)\s*\(\s*\{[^}]*apiKey\s*:\s*(?!process\.env|env\.|config\.)([^,}\n]+)/;

// The patterns scan every file; a literal each of their matches contains is found far faster first.
const mayNameGuest = (text: string) => text.includes('nonymous') || text.includes('Anon') || text.includes('Guest');

export function findAccounts(sources: Array<[string, string]>, otherFiles: Array<[string, string]>, auth: AuthLibrary): Accounts {
  const guests: SourceLocation[] = [];
  const ownKeys: SourceLocation[] = [];
  let identity: string | null = auth && auth !== 'custom' ? auth : null;
  let teams: string | null = null;
  for (const [file, text] of sources) {
    const read = identity ? null : IDENTITY.exec(text);
    if (read) identity = `${read[0].replace(/\($/, '()')} in ${file}`;
    const guest = mayNameGuest(text) ? GUEST.exec(text) : null;
    if (guest) guests.push({ file, line: lineAt(text, guest.index), what: guest[0].replace(/\s*\($/, '()') });
    const key = text.includes('apiKey') ? OWN_KEY.exec(text) : null;
    if (key && /user|req|request|body|session|settings|account|header/i.test(key[2] ?? key[4] ?? '')) ownKeys.push({ file, line: lineAt(text, key.index), what: key[0].split('{')[0].trim() });
    const team: RegExpExecArray | null = teams ? null : TEAMS_CODE.exec(text);
    if (team) teams = `${team[1]} in ${file}`;
  }
  for (const [file, text] of otherFiles) {
    const schema: RegExpExecArray | null = teams ? null : TEAMS_SCHEMA.exec(text);
    if (schema) teams = `${schema[0].trim()} in ${file}`;
  }
  return { identity, guests, teams, ownKeys };
}

/** The one message for an app nobody signs in to. */
export const NO_IDENTITY =
  'this app has no user identity (no auth library, no sessions, no signed-in user read anywhere), so usage cannot be billed per user; add sign-in first, or bill one customer for the whole app by hand';

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
