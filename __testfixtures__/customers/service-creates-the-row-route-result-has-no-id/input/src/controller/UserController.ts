import type { Request, Response } from 'express';
import UserService from '../service/UserService';

export default class UserController {
  // The service answers with a response wrapper, not the new user: the user's id is inside the service.
  public static async create(request: Request, response: Response) {
    const result = await UserService.save({ email: String(request.body.email), name: String(request.body.name) });
    return response.status(result.status).json(result);
  }
}
