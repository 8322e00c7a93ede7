import { Router } from 'express';
import userRoute from './userRoute';
import openaiRoute from './openaiRoute';

const routes = Router();

routes.use('/user', userRoute);
routes.use('/openai', openaiRoute);

export default routes;
