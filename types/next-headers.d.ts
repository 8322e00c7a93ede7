// For the toolkit's own type-check of the credits-service template only: its Next.js region imports
// next/headers, which a Next.js app has and this repository does not install. Not part of any build.
declare module 'next/headers' {
  export function headers(): Promise<{ get(name: string): string | null }>;
}
