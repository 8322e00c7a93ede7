import { Router } from 'express';
import { requireAuth } from '../middleware/requireAuth.js';
import { db } from '../lib/db.js';

// Users sign in through an OAuth provider the app does not create users for: no signup handler here.
export const notesRouter = Router();

notesRouter.post('/notes', requireAuth, async (req, res) => {
  const note = await db.note.create({ data: { text: req.body.text, ownerId: req.user.id } });
  res.status(201).json(note);
});
