import express from 'express';
import userRoute from './routes/UserRoute';

export const app = express();
app.use(express.json());
app.use('/user', userRoute);
