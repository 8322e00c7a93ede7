import express from 'express';
import { chatRouter } from './routes/chat.js';

export const app = express();
app.use(express.json());
app.use('/api', chatRouter);
