import { Router } from 'express';
import { db } from '../lib/db.js';

export const notesRouter = Router();

notesRouter.post('/notes', async (req, res) => {
  const note = await db.note.create({ data: { text: req.body.text } });
  res.status(201).json(note);
});
