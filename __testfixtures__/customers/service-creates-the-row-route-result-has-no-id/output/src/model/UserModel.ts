// Stand-in for the Sequelize model: create() resolves to the new row.
const UserModel = {
  async create(values: { email: string; name: string }): Promise<{ id: number; email: string; name: string }> {
    return { id: 1, ...values };
  },
};

export default UserModel;
