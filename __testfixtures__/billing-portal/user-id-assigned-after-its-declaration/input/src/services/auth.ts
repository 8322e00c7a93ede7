export async function verifyToken(token: string): Promise<{ id: string } | null> {
  return token === 'valid' ? { id: 'u1' } : null;
}
