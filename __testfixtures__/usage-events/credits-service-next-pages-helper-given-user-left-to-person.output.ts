import OpenAI from 'openai';

const openai = new OpenAI();

// A pages-router helper the app hands the user's id: the credits service also needs the request's session,
// which is not in scope here (and next/headers does not work in the pages router).
export async function suggestRecipe(userId: string, ingredients: string) {
  console.log(`recipe for ${userId}`);
  // TODO(billing-codemod): send a chat_completion usage event for this call (the credits service is called with the signed-in user's session, and no request handler's request is in scope here to take it from)
  const response = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ingredients }] });
  return response.choices[0]?.message.content ?? '';
}
