export function handle() {
  return 'mine';
}
