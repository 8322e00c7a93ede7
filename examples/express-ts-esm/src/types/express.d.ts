import type { User } from '../lib/db.js';

declare global {
  namespace Express {
    interface Request {
      user?: Pick<User, 'id' | 'email' | 'name'>;
    }
  }
}

export {};
