import type { NextFunction, Request, Response } from 'express';
import { OpenAIService } from '../services';

// Controllers and services are classes of static methods; the service is imported through a barrel.
export default class OpenAIController {
  public static async send(request: Request, response: Response, next: NextFunction) {
    try {
      const answer = await OpenAIService.send(String(request.body.prompt), request.user.id);
      return response.status(200).json({ answer });
    } catch (error) {
      next(error);
    }
  }
}
