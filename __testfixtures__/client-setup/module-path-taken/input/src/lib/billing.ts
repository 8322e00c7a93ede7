// Our plans and their prices, shown on the pricing page.
export const plans = [{ id: 'pro', price: 20 }];
