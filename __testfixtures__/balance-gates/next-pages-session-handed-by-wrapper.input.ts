import type { NextApiRequest, NextApiResponse } from 'next';
import { apiMiddleware } from '../../lib/apiMiddleware';
import { generateRecipe } from '../../lib/recipes';

// The app's own wrapper checks the method and the session, then hands the session to the handler.
const handler = async (req: NextApiRequest, res: NextApiResponse, session: any) => {
  const { ingredients } = req.body;
  if (!Array.isArray(ingredients) || ingredients.length === 0) {
    return res.status(400).json({ error: 'Ingredients are required' });
  }
  const recipe = await generateRecipe(ingredients, session.user.id);
  res.status(200).json(recipe);
};

export default apiMiddleware(['POST'], handler);
