export interface Account {
  id: string;
  email: string;
  name: string;
}

const rows: Account[] = [];

export const accounts = {
  async insertAccount(input: { email: string; name: string; password: string }): Promise<Account> {
    const account = { id: String(rows.length + 1), email: input.email, name: input.name };
    rows.push(account);
    return account;
  },
  async findByEmail(email: string): Promise<Account | undefined> {
    return rows.find((a) => a.email === email);
  },
};
