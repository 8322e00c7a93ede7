import { Router } from 'express';

const userRoute = Router();
userRoute.get('/', (_req, res) => res.json([]));

export default userRoute;
