import UserModel from '../model/UserModel';

export class HandlerSuccess {
  constructor(
    public message: string,
    public status = 201,
  ) {}
}

export default class UserService {
  public static async save(user: { email: string; name: string }): Promise<HandlerSuccess> {
    const created = await UserModel.create({ email: user.email, name: user.name });
    return new HandlerSuccess(`user ${created.email} created`);
  }
}
