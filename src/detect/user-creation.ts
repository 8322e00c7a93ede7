// Recognises the statement that creates a user record: ORM calls (Prisma, Drizzle, Mongoose, Sequelize,
// TypeORM), auth SDK sign-ups, service functions named for it, raw SQL, and small in-memory stores.
import type * as t from '@babel/types';
import { dottedName, stringValue, unwrap, type FunctionNode } from '../ast/nodes.js';
import { walk, type Node } from '../ast/walk.js';

export interface UserCreation {
  /** The call (or tagged template) that creates the user. */
  node: Node;
  ancestors: Node[];
  /** How it reads in a report: `prisma.user.create`, `db.insert(users)`, `createUser()`. */
  description: string;
}

const MODEL = /^(users?|accounts?|members?|profiles?)(Model|Repo|Repository|Service|Store|Collection|Table|Dao|Db)?$/i;
const CREATE_METHOD = /^(create|createOne|insert|insertOne|add|save|put|build)$/;
const SERVICE_FN = /^(create|insert|register|add|signUp|signup|save|new)(New)?(User|Account|Member)(WithEmail\w*)?$/i;
const AUTH_SIGNUP = /^(register|signUp|signup|signUpEmail|createUser|createUserWithEmailAndPassword)$/;
const AUTH_RECEIVER = /auth|user|account|supabase|firebase|clerk/i;
const SQL_INSERT = /insert\s+into\s+["'`]?(\w+\.)?["'`]?(users?|accounts?|members?)\b/i;

// The text every recognised creation leaves (a superset: the parse decides). Each alternative is one
// branch of describeUserCreation.
const MAY_CREATE_USER = new RegExp(
  [
    /insert\s+into/.source, // raw SQL
    /(create|insert|register|add|signUp|signup|save|new)(New)?(User|Account|Member)/.source, // service functions
    /\b(register|signUp|signup|signUpEmail|createUser|createUserWithEmailAndPassword)\b/.source, // auth SDK sign-ups
    /(users?|accounts?|members?|profiles?)\w*\s*\??\.\s*(create|createOne|insert|insertOne|add|save|put|build|push|set)\b/.source, // models, stores
    /\.\s*save\s*\(\s*\)/.source, // a document's own save()
    /\.\s*insert\s*\(/.source, // Drizzle
  ].join('|'),
  'i',
);

/** Whether a file's text may hold a call describeUserCreation recognises (a text test before any parse). */
export function mayCreateUser(text: string): boolean {
  return MAY_CREATE_USER.test(text);
}

/** A document's own `save()` (Mongoose, Sequelize instances): no arguments. */
function isSave(node: Node): boolean {
  return node.type === 'CallExpression' && node.arguments.length === 0 && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' && node.callee.property.name === 'save';
}

/** Whether the receiver of `x.save()` is a local the function built (`new User(...)`, `User.build(...)`, a literal). */
function builtHere(fn: FunctionNode, callee: Node): boolean {
  if (callee.type !== 'MemberExpression') return false;
  if (callee.object.type === 'NewExpression') return true;
  if (callee.object.type !== 'Identifier') return false;
  const name = callee.object.name;
  let built = false;
  walk(fn.body, (node) => {
    if (built) return 'skip';
    const init = node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name ? node.init : node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === name ? node.right : null;
    if (!init) return;
    const value = unwrap(init);
    built = value.type === 'NewExpression' || value.type === 'ObjectExpression' || (value.type === 'CallExpression' && /\.(build|create|new)$/.test(dottedName(value.callee) ?? ''));
  });
  return built;
}

export function describeUserCreation(node: Node): string | null {
  if (node.type === 'TaggedTemplateExpression') {
    return SQL_INSERT.test(node.quasi.quasis.map((q) => q.value.raw).join('?')) ? 'INSERT INTO users' : null;
  }
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return null;
  const callee = unwrap(node.callee);
  const name = dottedName(callee);
  const segments = name ? name.replace(/\(\)/g, '').split('.') : [];
  const method = segments[segments.length - 1] ?? '';
  const receiver = segments[segments.length - 2] ?? '';
  if (/stripe|billing|payment/i.test(name ?? '')) return null;

  if (callee.type === 'Identifier' && SERVICE_FN.test(callee.name)) return `${callee.name}()`;
  if (segments.length >= 2) {
    if (SERVICE_FN.test(method)) return `${segments.join('.')}()`;
    if (AUTH_SIGNUP.test(method) && AUTH_RECEIVER.test(segments.slice(0, -1).join('.'))) return `${segments.join('.')}()`;
    if (CREATE_METHOD.test(method) && MODEL.test(receiver)) return segments.join('.');
    // Mongoose: `const user = new User(...); await user.save()`
    if (method === 'save' && /user|account|member/i.test(receiver) && node.arguments.length === 0) return `${name}()`;
    // In-memory stores: `users.push(user)`, `users.set(id, user)`
    if ((method === 'push' || method === 'set') && /^(users|accounts|members)$/i.test(receiver)) return `${segments.join('.')}()`;
    // Drizzle: `db.insert(users).values(...)`
    if (method === 'insert' && node.arguments.length === 1) {
      const table = dottedName(node.arguments[0] as Node)?.split('.').pop() ?? '';
      if (MODEL.test(table)) return `${segments.join('.')}(${table})`;
    }
  }
  // Raw SQL: `db.query('INSERT INTO users ...')`
  const first = node.arguments[0] as Node | undefined;
  const sql = first ? stringValue(first) ?? (first.type === 'TemplateLiteral' ? first.quasis.map((q) => q.value.raw).join('?') : null) : null;
  if (sql && SQL_INSERT.test(sql)) return 'INSERT INTO users';
  return null;
}

/** Every user-creating call in a function, nested callbacks included (callback-style handlers). */
export function findUserCreations(fn: FunctionNode, fnAncestors: Node[] = []): UserCreation[] {
  const out: UserCreation[] = [];
  walk(fn.body, (node, ancestors) => {
    const description = describeUserCreation(node);
    // `user.save()` creates a user only when `user` was built here (`new User(...)`), not loaded to be updated.
    if (description && isSave(node) && !builtHere(fn, (node as t.CallExpression).callee)) return;
    // A creation nested in another (a callback of `User.create(data, cb)`) is part of the outer one.
    if (description && !out.some((c) => ancestors.includes(c.node))) {
      out.push({ node, ancestors: [...fnAncestors, fn, ...ancestors], description });
    }
  });
  return out;
}
