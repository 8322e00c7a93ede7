import express from 'express';
import UserController from '../controller/UserController';

const userRoute = express.Router();

userRoute.route('/').post(UserController.create);

export default userRoute;
