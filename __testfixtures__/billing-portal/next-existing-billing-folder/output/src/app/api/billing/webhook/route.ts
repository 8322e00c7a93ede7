export async function POST(request: Request) {
  const body = await request.text();
  return Response.json({ received: body.length > 0 });
}
