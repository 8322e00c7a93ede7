export { default as OpenAIService } from './OpenAIService';
