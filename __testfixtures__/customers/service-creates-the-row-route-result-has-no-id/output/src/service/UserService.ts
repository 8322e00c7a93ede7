import UserModel from '../model/UserModel';
import { billing } from '../lib/billing';

export class HandlerSuccess {
  constructor(
    public message: string,
    public status = 201,
  ) {}
}

export default class UserService {
  public static async save(user: { email: string; name: string }): Promise<HandlerSuccess> {
    const created = await UserModel.create({ email: user.email, name: user.name });
    await billing.ensureCustomer({ externalId: created.id, email: created.email, name: created.name });
    return new HandlerSuccess(`user ${created.email} created`);
  }
}
