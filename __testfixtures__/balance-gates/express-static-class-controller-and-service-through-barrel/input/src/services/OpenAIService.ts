import OpenAI from 'openai';

const openai = new OpenAI();

export default class OpenAIService {
  public static async send(prompt: string, userId: string) {
    const response = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }], user: userId });
    return response.choices[0]?.message.content ?? '';
  }
}
