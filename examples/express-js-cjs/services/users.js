const crypto = require('crypto');
const store = require('../lib/store');

function publicUser(user) {
  return { id: user.id, email: user.email, name: user.name };
}

function findByEmail(email) {
  return store.readAll('users').find(function (u) {
    return u.email === email;
  });
}

function findById(id) {
  return store.readAll('users').find(function (u) {
    return u.id === id;
  });
}

// createUser({ email, password, name }, callback(err, user))
function createUser(fields, callback) {
  const email = String(fields.email).trim().toLowerCase();
  if (findByEmail(email)) {
    const err = new Error('Email already registered');
    err.status = 409;
    err.expose = true;
    return callback(err);
  }
  const salt = crypto.randomBytes(16).toString('hex');
  crypto.scrypt(fields.password, salt, 64, function (err, derived) {
    if (err) return callback(err);
    const user = {
      id: crypto.randomUUID(),
      email: email,
      name: fields.name || email.split('@')[0],
      salt: salt,
      passwordHash: derived.toString('hex'),
      createdAt: new Date().toISOString(),
    };
    try {
      store.writeAll('users', store.readAll('users').concat(user));
    } catch (writeErr) {
      return callback(writeErr);
    }
    callback(null, publicUser(user));
  });
}

function verifyPassword(email, password, callback) {
  const user = findByEmail(String(email).trim().toLowerCase());
  if (!user) return callback(null, false);
  crypto.scrypt(password, user.salt, 64, function (err, derived) {
    if (err) return callback(err);
    const ok = crypto.timingSafeEqual(derived, Buffer.from(user.passwordHash, 'hex'));
    callback(null, ok ? publicUser(user) : false);
  });
}

module.exports = { createUser, verifyPassword, findById, publicUser };
