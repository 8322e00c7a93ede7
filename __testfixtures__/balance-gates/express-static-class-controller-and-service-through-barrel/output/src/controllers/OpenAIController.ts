import type { NextFunction, Request, Response } from 'express';
import { OpenAIService } from '../services';
import { billing } from '../lib/billing';

// Controllers and services are classes of static methods; the service is imported through a barrel.
export default class OpenAIController {
  public static async send(request: Request, response: Response, next: NextFunction) {
    try {
      const balance = await billing.checkBalance({ customer: { externalId: request.user.id }, estimate: 0.01 });
      if (!balance.allowed) return response.status(402).json(balance.body);
      const answer = await OpenAIService.send(String(request.body.prompt), request.user.id);
      return response.status(200).json({ answer });
    } catch (error) {
      next(error);
    }
  }
}
