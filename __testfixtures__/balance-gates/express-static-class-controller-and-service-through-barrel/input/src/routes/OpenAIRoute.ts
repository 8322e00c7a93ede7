import express from 'express';
import OpenAIController from '../controllers/OpenAIController';
import authenticateMiddleware from '../middlewares/authenticate';

const openAIRoute = express.Router();

openAIRoute.route('/').post(authenticateMiddleware, OpenAIController.send);

export default openAIRoute;
