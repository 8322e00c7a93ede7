// The statement that creates a user record, across ORMs, auth SDKs, service functions and raw SQL; and the
// calls that look similar but create something else.
import { describe, expect, it } from 'vitest';
import { isFunction } from '../../src/ast/nodes.js';
import { parseSource } from '../../src/ast/parse.js';
import { findAll } from '../../src/ast/walk.js';
import { findUserCreations, mayCreateUser } from '../../src/detect/user-creation.js';

/** Descriptions of the user creations in the first function of `body` (wrapped in an async function). */
function creations(body: string): string[] {
  const ast = parseSource('handler.ts', `async function handler(req, res) {\n${body}\n}\n`);
  const [fn] = findAll(ast.program, isFunction);
  return findUserCreations(fn.node, fn.ancestors).map((c) => `${c.node.loc?.start.line ? c.node.loc.start.line - 1 : 0}: ${c.description}`);
}

describe('user creation', () => {
  it.each([
    ['Prisma', `const user = await prisma.user.create({ data: { email } });`, '1: prisma.user.create'],
    ['Prisma in a transaction', `await prisma.$transaction(async (tx) => {\n  await tx.user.create({ data });\n});`, '2: tx.user.create'],
    ['Drizzle insert ... returning', `const [user] = await db.insert(users).values({ email }).returning();`, '1: db.insert(users)'],
    ['Drizzle with a schema namespace', `await db.insert(schema.users).values({ email });`, '1: db.insert(users)'],
    ['Mongoose document save', `const user = new User({ email });\nawait user.save();`, '2: user.save'],
    ['Mongoose save on a new document', `await new User({ email }).save();`, '1: new User().save()'],
    ['Mongoose / Sequelize Model.create', `const user = await User.create({ email });`, '1: User.create'],
    ['Sequelize through the models object', `await models.User.create({ email });`, '1: models.User.create'],
    ['TypeORM repository', `await this.usersRepository.save(user);`, '1: this.usersRepository.save'],
    ['a service function', `const user = await createUser({ email, password });`, '1: createUser()'],
    ['a service method named register', `const user = await authService.register(req.body);`, '1: authService.register()'],
    ['a users service method', `await usersService.createUser(dto);`, '1: usersService.createUser()'],
    ['raw SQL in a query call', `await pool.query('INSERT INTO users (email) VALUES ($1)', [email]);`, '1: INSERT INTO users'],
    ['raw SQL in a template', "await db.query(`INSERT INTO public.users (email) VALUES ($1)`, [email]);", '1: INSERT INTO users'],
    ['a tagged SQL template', 'await sql`INSERT INTO "users" (email) VALUES (${email})`;', '1: INSERT INTO users'],
    ['better-auth', `await auth.api.signUpEmail({ body: { email, password, name } });`, '1: auth.api.signUpEmail()'],
    ['Supabase', `const { data, error } = await supabase.auth.signUp({ email, password });`, '1: supabase.auth.signUp()'],
    ['Firebase', `await createUserWithEmailAndPassword(auth, email, password);`, '1: createUserWithEmailAndPassword()'],
    ['Clerk', `await clerkClient.users.createUser({ emailAddress: [email] });`, '1: clerkClient.users.createUser()'],
    ['an in-memory store', `users.set(id, { id, email });`, '1: users.set()'],
  ])('recognises %s', (_name, body, expected) => {
    expect(creations(body)).toEqual([expected]);
    // Detection reads a Next.js route file only when its text may create a user: every shape must pass.
    expect(mayCreateUser(body), 'the text prefilter passes it').toBe(true);
  });

  it.each([
    ['a Stripe customer', `await stripe.customers.create({ email });`],
    ['a Stripe Connect account', `await stripe.accounts.create({ type: 'express', email });`],
    ['a payments client account', `await payments.accounts.create({ email });`],
    ['a session', `await db.session.create({ data: { userId } });`],
    ['another model', `await prisma.post.create({ data: {} }); await db.messages.create({ data: {} });`],
    ['a user update', `await prisma.user.update({ where: { id }, data: { name } });`],
    ['a user lookup', `await User.findOne({ email }); await users.find((u) => u.email === email);`],
    ['an insert into another table', `await pool.query('INSERT INTO user_sessions (user_id) VALUES ($1)', [id]);`],
    ['a session token', `const token = await createSession(user.id); await sessions.set(token, user.id);`],
    ['a loaded user saved after an update (profile, password reset, 2FA)', `const user = await User.findById(req.userId);\nuser.twoFactorEnabled = true;\nawait user.save();`],
    ['a user handed in and saved', `req.user.password = hash;\nawait req.user.save();`],
  ])('does not take %s for a user', (_name, body) => {
    expect(creations(body)).toEqual([]);
  });

  it('finds the user creation after an unrelated Stripe call, and counts a callback-nested one once', () => {
    expect(creations(`const customer = await stripe.customers.create({ email });\nawait db.user.create({ data: { email, stripeId: customer.id } });`)).toEqual([
      '2: db.user.create',
    ]);
    expect(creations(`User.create({ email }, function (err, user) {\n  users.set(user.id, user);\n});`)).toEqual(['1: User.create']);
  });
});
